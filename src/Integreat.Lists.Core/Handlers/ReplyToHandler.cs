using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Applies the list's <see cref="ReplyToPolicy"/>.</summary>
public sealed class ReplyToHandler : IHeaderHandler
{
    /// <inheritdoc/>
    public string Name => "reply-to";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        var headers = message.Headers;
        switch (list.ReplyTo)
        {
            case ReplyToPolicy.List:
                headers.RemoveAll(HeaderId.ReplyTo);
                headers.Add(new Header(HeaderId.ReplyTo, new MailboxAddress(list.Name, list.Address).ToString(true)));
                break;
            case ReplyToPolicy.Poster when headers.Contains(HeaderId.From):
                // The raw bytes, not the decoded text, so an encoded display name stays one name.
                var from = headers.First(h => h.Id == HeaderId.From);
                var replyTo = new Header(HeaderId.ReplyTo, "");
                replyTo.SetRawValue(from.RawValue);
                headers.RemoveAll(HeaderId.ReplyTo);
                headers.Add(replyTo);
                break;
        }
    }
}
