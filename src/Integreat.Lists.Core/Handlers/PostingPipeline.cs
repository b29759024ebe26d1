using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Handlers;

/// <summary>The ordered header handlers every accepted post passes (Mailman's <c>default-posting-pipeline</c>).</summary>
/// <param name="dmarc">The DMARC mitigation, last (as in Mailman) and only for the copies delivered, not for the
/// archive; null leaves From alone (tests of the other handlers).</param>
public sealed class PostingPipeline(DmarcMitigationHandler? dmarc = null)
{
    readonly IReadOnlyList<IHeaderHandler> _handlers =
    [
        new CleanseHandler(), new CookHeadersHandler(), new SubjectPrefixHandler(), new ReplyToHandler(), new Rfc2369HeadersHandler(),
    ];

    /// <summary>Runs every handler on <paramref name="message"/>, then <paramref name="last"/>, then the DMARC
    /// mitigation, and returns the bytes to distribute.</summary>
    /// <param name="list">The list.</param>
    /// <param name="message">The post; its headers are edited in place.</param>
    /// <param name="unsubscribePerRecipient">True when each copy gets its own <c>List-Unsubscribe</c> at delivery
    /// (<see cref="Unsubscribe.RecipientHeaders"/>), so the shared bytes must not carry one (two would be invalid).</param>
    /// <param name="last">A handler of this one post, e.g. <see cref="ArchiveHeadersHandler"/>; null for none.</param>
    public byte[] Process(MailingList list, RawMessage message, bool unsubscribePerRecipient = false, IHeaderHandler? last = null)
        => Process(list, message, unsubscribePerRecipient, last, out _);

    /// <summary>As <see cref="Process(MailingList, RawMessage, bool, IHeaderHandler?)"/>; <paramref name="archived"/>
    /// gets the bytes before DMARC mitigation, with the author's own From (Mailman mitigates deliveries only), the
    /// same array when nothing was rewritten.</summary>
    public byte[] Process(MailingList list, RawMessage message, bool unsubscribePerRecipient, IHeaderHandler? last, out byte[] archived)
    {
        foreach (var handler in _handlers) handler.Process(list, message);
        last?.Process(list, message);
        if (unsubscribePerRecipient) message.Headers.RemoveAll(MimeKit.HeaderId.ListUnsubscribe);
        archived = message.ToBytes();
        return dmarc is not null && dmarc.Mitigate(list, message) ? message.ToBytes() : archived;
    }
}
