using MimeKit;

namespace Integreat.Lists.Testing;

/// <summary>One transaction that <see cref="FakeSmarthost"/> accepted with a 2xx reply to DATA.</summary>
/// <param name="Sender">The <c>MAIL FROM</c> address; empty for the null reverse-path <c>&lt;&gt;</c> (bounces).</param>
/// <param name="Recipients">Only the <c>RCPT TO</c> addresses that were accepted, in the order sent.</param>
/// <param name="Data">The message bytes after dot-unstuffing, ending with CRLF.</param>
public sealed record CapturedMessage(string Sender, IReadOnlyList<string> Recipients, byte[] Data)
{
    /// <summary>The <c>MAIL FROM</c> parameters (e.g. <c>SIZE</c>, RFC 1870), keyed by name as sent.</summary>
    public IReadOnlyDictionary<string, string> MailParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the transaction ran over TLS (STARTTLS or implicit).</summary>
    public bool OverTls { get; init; }

    /// <summary>Parses <see cref="Data"/>, for assertions on headers and body.</summary>
    public MimeMessage ToMimeMessage()
    {
        using var stream = new MemoryStream(Data, writable: false);
        return MimeMessage.Load(stream);
    }
}
