using System.Text;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Notices;

public sealed class NoticeComposerTests
{
    static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 30, 0, TimeSpan.Zero);

    static (byte[] Bytes, string MessageId, MimeMessage Parsed) Compose(params string[] postHeaders)
    {
        var post = Wire.Headers(postHeaders);
        var (bytes, messageId) = new NoticeComposer(new FakeTimeProvider(Now)).NonmemberRejected(TestLists.Bayern(), post, "fremd@example.com");
        using var stream = new MemoryStream(bytes);
        return (bytes, messageId, MimeMessage.Load(stream));
    }

    static (byte[] Bytes, string MessageId, MimeMessage Parsed) ComposeDefault() => Compose(
        "From: Fremd <fremd@example.com>",
        "To: bayern@lists.integreat.example",
        "Subject: =?utf-8?q?Frage_zum_Fr=C3=BChjahrstreffen?=",
        "Message-ID: <orig-4711@example.com>");

    [Fact]
    public void IsAddressedFromTheOwnerToTheNonmember()
    {
        var (_, _, parsed) = ComposeDefault();

        var from = Assert.IsType<MailboxAddress>(Assert.Single(parsed.From));
        Assert.Equal("bayern-owner@lists.integreat.example", from.Address);
        Assert.Equal("Integreat Bayern", from.Name);
        Assert.Equal("fremd@example.com", Assert.IsType<MailboxAddress>(Assert.Single(parsed.To)).Address);
    }

    [Fact]
    public void IsMarkedAsAnAutoReplyToTheOriginal()
    {
        var (_, messageId, parsed) = ComposeDefault();

        Assert.Equal("auto-replied", parsed.Headers["Auto-Submitted"]?.Trim());
        Assert.Equal("orig-4711@example.com", parsed.InReplyTo);
        Assert.Equal(["orig-4711@example.com"], parsed.References);
        Assert.Equal(messageId, parsed.MessageId);
        Assert.EndsWith("@lists.integreat.example", messageId, StringComparison.Ordinal);
        Assert.Equal(Now, parsed.Date.ToUniversalTime());
    }

    [Fact]
    public void WithoutAnOriginalMessageIdThereIsNoInReplyTo()
    {
        var (_, _, parsed) = Compose("From: fremd@example.com", "Subject: Hallo");

        Assert.Null(parsed.InReplyTo);
        Assert.False(parsed.Headers.Contains(HeaderId.InReplyTo));
        Assert.Equal("auto-replied", parsed.Headers["Auto-Submitted"]?.Trim());
    }

    [Fact]
    public void SaysItInGermanFirstInSieFormThenInEnglish()
    {
        var (_, _, parsed) = ComposeDefault();
        var text = parsed.TextBody ?? "";

        var german = text.IndexOf("Guten Tag", StringComparison.Ordinal);
        var english = text.IndexOf("Hello", StringComparison.Ordinal);
        Assert.Equal(0, german);
        Assert.True(english > german, "the English text must follow the German one");
        var germanPart = text[..english];
        Assert.Matches(@"\bSie\b", germanPart);
        Assert.Matches(@"\bIhre\b", germanPart);
        Assert.DoesNotMatch(new Regex(@"\b(du|dich|dir|dein|deine|deiner|euch|euer|eure)\b", RegexOptions.IgnoreCase), germanPart);
        Assert.Contains("Frage zum Frühjahrstreffen", germanPart, StringComparison.Ordinal);
        Assert.Contains("bayern-owner@lists.integreat.example", germanPart, StringComparison.Ordinal);
        Assert.Contains("Frage zum Frühjahrstreffen", text[english..], StringComparison.Ordinal);
    }

    [Fact]
    public void IsSevenBitCrlfMimeThatParsesBack()
    {
        var (bytes, _, parsed) = ComposeDefault();

        Wire.AssertAscii(Encoding.Latin1.GetString(bytes));
        Assert.DoesNotMatch(new Regex("(?<!\r)\n"), Encoding.Latin1.GetString(bytes));
        var part = Assert.IsType<TextPart>(parsed.Body);
        Assert.True(part.IsPlain);
        Assert.Contains("Nachricht", parsed.Subject, StringComparison.Ordinal);
        Assert.Contains("Integreat Bayern", parsed.Subject, StringComparison.Ordinal);
    }
}
