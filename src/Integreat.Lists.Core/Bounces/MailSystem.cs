using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Header markers of messages written by a mail system rather than a person: who sent them, whom they involve,
/// and whether the subject marks a delay warning.</summary>
internal static partial class MailSystem
{
    static readonly string[] ReporterNames = ["mailer-daemon", "mailerdaemon", "mail-daemon", "postmaster"];

    static readonly string[] PartyHeaders =
        ["From", "Sender", "Reply-To", "To", "Cc", "Return-Path", "Delivered-To", "X-Original-To", "Envelope-To"];

    /// <summary>True when the message comes from a mail system: a mailer-daemon or postmaster in From, Sender or
    /// Return-Path, or Exim's <c>X-Failed-Recipients</c>.</summary>
    /// <remarks>The null reverse-path alone does not count: RFC 3834 §3.3 asks auto-responders to use it too, and an
    /// auto-reply that lists contact addresses must never be read as a report about them.</remarks>
    public static bool IsReporter(MimeMessage message)
        => message.Headers.Contains("X-Failed-Recipients")
           || NamesReporter(message.Headers[HeaderId.From]) || NamesReporter(message.Headers[HeaderId.Sender])
           || NamesReporter(message.Headers[HeaderId.ReturnPath]);

    /// <summary>True when <paramref name="address"/>'s local part is a mail-system role (mailer-daemon, postmaster).</summary>
    public static bool IsReporterAddress(string address)
        => ReporterNames.Any(n => AddressText.LocalPart(address).Equals(n, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every address in the report's own From, Sender, Reply-To, To, Cc, Return-Path and delivery headers,
    /// lower-cased: the parties of the report, which are never its failed recipients.</summary>
    public static HashSet<string> Parties(MimeMessage message)
    {
        var parties = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in PartyHeaders)
        foreach (var header in message.Headers.Where(h => h.Field.Equals(name, StringComparison.OrdinalIgnoreCase)))
            parties.UnionWith(AddressText.FindAll(header.Value));
        return parties;
    }

    /// <summary>The addresses of Exim's <c>X-Failed-Recipients</c> header(s), lower-cased, distinct, in order; empty when
    /// there is none.</summary>
    public static List<string> FailedRecipientsHeader(MimeMessage message)
        => message.Headers.Where(h => h.Field.Equals("X-Failed-Recipients", StringComparison.OrdinalIgnoreCase))
            .SelectMany(h => AddressText.FindAll(h.Value)).Distinct().ToList();

    /// <summary>True when the subject marks a delay warning (<c>Warning: message … delayed</c>, <c>Delivery Status
    /// Notification (Delay)</c>, <c>Delayed Mail</c>): the MTA is still trying, so nothing is permanent yet.</summary>
    public static bool IsDelayWarning(MimeMessage message) => DelaySubject().IsMatch(message.Subject ?? "");

    /// <summary>The domain the report speaks for: the domain of its From address, lower-cased
    /// (<c>MAILER-DAEMON@AOL.com</c> → <c>aol.com</c>); empty when From has no address.</summary>
    public static string ReportingDomain(MimeMessage message)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        return AddressText.Domain(from).ToLowerInvariant();
    }

    static bool NamesReporter(string? headerValue)
        => headerValue is not null && ReporterNames.Any(n => headerValue.Contains(n, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"\b(warning|delay|delayed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DelaySubject();
}
