using Integreat.Lists.Core.Messages;
using MailKit.Net.Smtp;
using MimeKit;

namespace Integreat.Lists.Delivery;

/// <summary>A MailKit client that collects rejected recipients instead of aborting the whole transaction.</summary>
/// <remarks>MailKit's default <c>OnRecipientNotAccepted</c> throws and nobody gets the message (LIBRARIES.md §3.3);
/// a list must deliver to the accepted recipients and record the others.</remarks>
public sealed class ListSmtpClient : SmtpClient
{
    /// <summary>The recipients rejected in the last transaction, with the server's code and text.</summary>
    public List<(string Recipient, int Code, string Reply)> Rejected { get; } = [];

    /// <inheritdoc/>
    /// <remarks>A 552 to RCPT is recorded as 452: RFC 821 listed 552 for "too many recipients", and RFC 5321
    /// §4.5.3.1.10 asks clients to treat it as the temporary 452 (Postfix's SMTP client does the same).</remarks>
    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        => Rejected.Add((mailbox.Address, (int)response.StatusCode == 552 ? 452 : (int)response.StatusCode, response.Response));

    /// <inheritdoc/>
    /// <remarks>MailKit measures the size for <c>MAIL FROM … SIZE=</c> (RFC 1870) by writing the whole message to a
    /// counting stream, once per transaction; with VERP that doubled the serialisation of every delivery. The
    /// stored length is the same number.</remarks>
    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
        => message is RawMimeMessage raw ? raw.Length : base.GetSize(options, message, cancellationToken);

    /// <inheritdoc/>
    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken)
        => message is RawMimeMessage raw ? Task.FromResult(raw.Length) : base.GetSizeAsync(options, message, cancellationToken);
}
