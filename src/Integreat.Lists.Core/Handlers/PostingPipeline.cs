using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Handlers;

/// <summary>The ordered header handlers every accepted post passes (Mailman's <c>default-posting-pipeline</c>).</summary>
public sealed class PostingPipeline
{
    readonly IReadOnlyList<IHeaderHandler> _handlers =
    [
        new CleanseHandler(), new CookHeadersHandler(), new SubjectPrefixHandler(), new ReplyToHandler(), new Rfc2369HeadersHandler(),
    ];

    /// <summary>Runs every handler on <paramref name="message"/> and returns the bytes to distribute.</summary>
    public byte[] Process(MailingList list, RawMessage message)
    {
        foreach (var handler in _handlers) handler.Process(list, message);
        return message.ToBytes();
    }
}
