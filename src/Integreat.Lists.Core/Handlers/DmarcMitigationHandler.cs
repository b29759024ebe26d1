using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Dmarc;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Integreat.Lists.Core.Handlers;

/// <summary>Rewrites <c>From</c> to the list when the author's domain would make the redistributed post fail DMARC
/// at members' servers (RFC 7960 §4.1.3; Mailman's <c>dmarc</c> handler with <c>munge_from</c>).</summary>
/// <remarks>From becomes <c>"Erika Muster via Integreat Bayern" &lt;bayern@…&gt;</c>. The author goes to
/// <c>Reply-To</c>, or to <c>Cc</c> when the list points <c>Reply-To</c> at itself (as Mailman does), so that
/// "reply" and "reply all" still reach the author. Runs after the other header handlers; DKIM signing with the list
/// domain's key comes later still (<see cref="Delivering.DeliveryHandoff"/>), so the rewritten From is aligned. The
/// policy lookup blocks: the pipeline is synchronous, and the answer is usually cached.</remarks>
public sealed class DmarcMitigationHandler(IDmarcPolicyLookup dmarc, ILogger<DmarcMitigationHandler>? logger = null) : IHeaderHandler
{
    readonly ILogger _logger = logger ?? NullLogger<DmarcMitigationHandler>.Instance;

    /// <inheritdoc/>
    public string Name => "dmarc";

    /// <inheritdoc/>
    public void Process(MailingList list, RawMessage message) => Mitigate(list, message);

    /// <summary>Rewrites From when the list's setting and the author's DMARC policy say so.</summary>
    /// <returns>True when the headers were changed.</returns>
    public bool Mitigate(MailingList list, RawMessage message)
        => Mitigate(list, message, list.Address, list.ReplyTo == ReplyToPolicy.List ? HeaderId.Cc : HeaderId.ReplyTo);

    /// <summary>The same for mail to the list's <c>-owner</c> address forwarded to the owners: From becomes
    /// <c>"Erika Muster via Integreat Bayern" &lt;bayern-owner@…&gt;</c> (a reply that ignores Reply-To reaches the
    /// owners again, never the members), the author always goes to Reply-To.</summary>
    /// <remarks>Mailman 3's owner pipeline (<c>owner-recipients</c> → <c>to-outgoing</c>) mitigates nothing, so owner
    /// mail from a <c>p=reject</c> domain fails DMARC at the owners' providers; the list's setting applies here too.</remarks>
    /// <returns>True when the headers were changed.</returns>
    public bool MitigateOwnerMail(MailingList list, RawMessage message) => Mitigate(list, message, list.Addresses.Owner, HeaderId.ReplyTo);

    bool Mitigate(MailingList list, RawMessage message, string address, HeaderId authorsTo)
    {
        if (list.DmarcMitigation == DmarcMitigation.Never) return false;
        var headers = message.Headers;
        var from = headers.FirstOrDefault(h => h.Id == HeaderId.From);
        if (from is null || !InternetAddressList.TryParse(from.RawValue, out var parsed)) return false;
        var authors = parsed.Mailboxes.ToList();
        if (authors.Count == 0 || authors.All(a => EmailAddress.Normalise(a.Address) == list.Address)) return false;
        var reason = list.DmarcMitigation == DmarcMitigation.Always ? "always" : Reason(authors);
        if (reason is null) return false;
        headers.RemoveAll(HeaderId.From);
        headers.Add(new Header(HeaderId.From, new MailboxAddress(DisplayName(authors[0], list), address).ToString(true)));
        AddAuthors(headers, authorsTo, authors);
        _logger.DmarcMitigated(headers[HeaderId.MessageId] ?? "", list.Address, authors[0].Address, reason);
        return true;
    }

    /// <summary>Why mitigation is required for one of the authors' domains, or null when it is not.</summary>
    string? Reason(List<MailboxAddress> authors)
    {
        foreach (var domain in authors.Select(a => a.Domain).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // Blocking on purpose (see remarks); a cached answer completes synchronously.
            var lookup = dmarc.LookupAsync(domain, CancellationToken.None).GetAwaiter().GetResult();
            if (lookup.Status == DmarcStatus.DnsFailure) return $"DNS failure for _dmarc.{lookup.Domain}";
            if (lookup.IsStrict) return $"p={lookup.Policy.ToString()!.ToLowerInvariant()} at {lookup.RecordDomain}";
        }
        return null;
    }

    /// <summary>"NAME via LIST": the author's display name, or the local part when there is none or it looks like an
    /// address (which would show a second address in From).</summary>
    static string DisplayName(MailboxAddress author, MailingList list)
    {
        var name = author.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Contains('@', StringComparison.Ordinal)) name = author.LocalPart;
        return $"{name} via {(list.Name.Length > 0 ? list.Name : list.Address)}";
    }

    /// <summary>Adds the authors to the first <paramref name="id"/> field, keeping the addresses it already has.</summary>
    static void AddAuthors(HeaderList headers, HeaderId id, List<MailboxAddress> authors)
    {
        var existing = headers.FirstOrDefault(h => h.Id == id);
        var addresses = existing is not null && InternetAddressList.TryParse(existing.RawValue, out var old) ? old : [];
        var known = addresses.Mailboxes.Select(m => EmailAddress.Normalise(m.Address)).ToHashSet();
        var added = authors.Where(a => known.Add(EmailAddress.Normalise(a.Address))).ToList();
        if (added.Count == 0) return;
        addresses.AddRange(added);
        headers.RemoveAll(id);
        headers.Add(new Header(id, addresses.ToString(true)));
    }
}
