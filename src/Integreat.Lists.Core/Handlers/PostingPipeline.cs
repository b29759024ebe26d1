using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Handlers;

/// <summary>The ordered header handlers every accepted post passes (Mailman's <c>default-posting-pipeline</c>).</summary>
/// <param name="dmarc">The DMARC mitigation, last (as in Mailman); null leaves From alone (tests of the other
/// handlers).</param>
public sealed class PostingPipeline(DmarcMitigationHandler? dmarc = null)
{
    readonly IReadOnlyList<IHeaderHandler> _handlers =
    [
        new CleanseHandler(), new CookHeadersHandler(), new SubjectPrefixHandler(), new ReplyToHandler(), new Rfc2369HeadersHandler(),
        .. dmarc is null ? Array.Empty<IHeaderHandler>() : [dmarc],
    ];

    /// <summary>Runs every handler on <paramref name="message"/>, then <paramref name="last"/>, and returns the bytes
    /// to distribute.</summary>
    /// <param name="list">The list.</param>
    /// <param name="message">The post; its headers are edited in place.</param>
    /// <param name="unsubscribePerRecipient">True when each copy gets its own <c>List-Unsubscribe</c> at delivery
    /// (<see cref="Unsubscribe.RecipientHeaders"/>), so the shared bytes must not carry one (two would be invalid).</param>
    /// <param name="last">A handler of this one post, e.g. <see cref="ArchiveHeadersHandler"/>; null for none.</param>
    public byte[] Process(MailingList list, RawMessage message, bool unsubscribePerRecipient = false, IHeaderHandler? last = null)
    {
        foreach (var handler in _handlers) handler.Process(list, message);
        last?.Process(list, message);
        if (unsubscribePerRecipient) message.Headers.RemoveAll(MimeKit.HeaderId.ListUnsubscribe);
        return message.ToBytes();
    }
}
