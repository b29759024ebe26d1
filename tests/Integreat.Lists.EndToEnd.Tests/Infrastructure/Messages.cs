using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>Small test messages.</summary>
public static class Messages
{
    public static MimeMessage Post(string from, string subject = "Treffen im Mai", string text = "Hallo zusammen,\r\nbis bald.\r\n")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(TestDaemon.Bayern));
        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.org");
        message.Body = new TextPart("plain") { Text = text };
        return message;
    }

    /// <summary>The body bytes of a raw message (after the first empty line).</summary>
    public static byte[] BodyOf(byte[] raw)
    {
        for (var i = 0; i + 3 < raw.Length; i++)
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') return raw[(i + 4)..];
        return [];
    }

    public static byte[] Bytes(MimeMessage message)
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var stream = new MemoryStream();
        message.WriteTo(format, stream);
        return stream.ToArray();
    }
}
