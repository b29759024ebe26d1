using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Delivery status notifications (RFC 3464): <c>multipart/report; report-type=delivery-status</c> with a
/// <c>message/delivery-status</c> or <c>message/global-delivery-status</c> (RFC 6533) part, and reports that carry the
/// same per-recipient fields in a text part or a flattened body.</summary>
/// <remarks>Each group with <c>Action: failed</c> (or a non-standard action such as <c>expired</c>) is a failure, and
/// <c>Action: delayed</c> a temporary one; <c>delivered</c>, <c>relayed</c> and <c>expanded</c> are not failures, nor
/// is a 2.x.x status. The recipient is the <c>Original-Recipient</c> (the address the list sent to, RFC 3461 ORCPT)
/// unless the <c>Final-Recipient</c> is in another domain (the message was forwarded there; see DeliveryStatusGroups). The class digit of the status (RFC 3463 §3.1) decides the kind, so <c>Action: failed</c> with
/// 4.4.7 is temporary: the MTA gave up, but on a transient condition. Without a Status field the reply code in
/// <c>Diagnostic-Code</c> decides; without either the failure is permanent. A report with delivery-status parts but
/// no recipient groups (Netscape, mangled encodings), or whose failed groups name no mailbox address (a mailbox file,
/// an X.400 address), is left to the text recognisers.</remarks>
public sealed class DsnRecogniser : IBounceRecogniser
{
    /// <inheritdoc/>
    public string Name => "dsn";

    /// <inheritdoc/>
    public BounceReport? TryRecognise(MimeMessage message)
    {
        var groups = DeliveryStatusGroups.FromParts(message);
        if (groups.Count == 0) groups = DeliveryStatusGroups.FromText(NotificationText.Lines(message));
        if (groups.Count == 0) return null;
        var failures = WithHeaderRecipients(message, groups.Select(Failure).OfType<RecipientFailure>().ToList());
        if (failures.Count == 0) return BounceReport.NotABounce(Name);
        // Groups that name a mailbox file or an X.400 address only: other structure may still name the recipient.
        return failures.Any(f => f.Address.Length > 0) ? BounceReport.FromFailures(Name, failures) : null;
    }

    /// <summary>Exim's DSN names a local delivery by its mailbox file; its <c>X-Failed-Recipients</c> header then names
    /// the address, one per failed group, in the same order.</summary>
    static List<RecipientFailure> WithHeaderRecipients(MimeMessage message, List<RecipientFailure> failures)
    {
        if (failures.All(f => f.Address.Length > 0)) return failures;
        var header = MailSystem.FailedRecipientsHeader(message);
        if (header.Count != failures.Count) return failures;
        return failures.Select((f, i) => f.Address.Length > 0 ? f : f with { Address = header[i] }).ToList();
    }

    static RecipientFailure? Failure(DsnGroup group)
    {
        if (group.Action is "delivered" or "relayed" or "expanded") return null;
        var status = StatusCode.FindEnhanced(group.Status) ?? StatusCode.Find(group.Diagnostic);
        if (StatusCode.IsSuccess(status) && group.Action is not ("failed" or "delayed")) return null;
        var temporary = group.Action == "delayed" || StatusCode.IsTransient(status);
        return new RecipientFailure(group.Recipient, status, group.Diagnostic.Length > 0 ? group.Diagnostic : null, temporary)
            { Original = group.Original.Length > 0 ? group.Original : null };
    }
}
