using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Removes headers that must not leave with the post and marks it as list mail.</summary>
/// <remarks><c>Bcc</c>/<c>Resent-Bcc</c> would reveal blind recipients (MimeKit writes them, LIBRARIES.md §2.3);
/// <c>Return-Path</c> belongs to the final delivery (RFC 5321 §4.4). <c>X-BeenThere</c> and
/// <c>Precedence: list</c> let this and other lists and auto-responders (RFC 3834 §2) recognise list mail.</remarks>
public sealed class CookHeadersHandler : IHeaderHandler
{
    /// <inheritdoc/>
    public string Name => "cook-headers";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message)
    {
        var headers = message.Headers;
        headers.RemoveAll(HeaderId.Bcc);
        headers.RemoveAll(HeaderId.ResentBcc);
        headers.RemoveAll(HeaderId.ReturnPath);
        headers.RemoveAll(HeaderId.Precedence);
        headers.Insert(0, new Header("X-BeenThere", list.Address));
        headers.Add(new Header(HeaderId.Precedence, "list"));
    }
}
