using Integreat.Lists.Core.Content;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Infrastructure;

/// <summary>What a list may do to a post's body: add the footer, strip blocked parts, give HTML a text alternative;
/// never change the bytes of a part it keeps. Signed and encrypted posts keep their whole body.</summary>
public static class KeptParts
{
    /// <summary>Asserts that every part of <paramref name="sent"/> except blocked ones is in <paramref name="delivered"/>
    /// byte for byte: nested parts with their header fields, the post's own body as its content bytes. A single
    /// text/plain body (which gets the footer appended, re-encoded) must keep its decoded text instead.</summary>
    public static void Assert(byte[] sent, byte[] delivered)
    {
        var map = MimeMap.TryParse(sent)!;
        if (ProtectedContent.IsProtected(map.Message))
        {
            Xunit.Assert.Equal(Messages.BodyOf(sent), Messages.BodyOf(delivered));
            return;
        }
        foreach (var part in Leaves(map.Message.Body))
        {
            if (part == map.Message.Body && part is TextPart { IsPlain: true } text)
            {
                Xunit.Assert.Contains(Normalised(text.Text), Normalised(DeliveredText(delivered)));
                continue;
            }
            var span = map[part];
            var begin = part == map.Message.Body ? span.ContentBegin : span.Begin;
            Xunit.Assert.True(delivered.AsSpan().IndexOf(map.Original(begin, span.End)) >= 0,
                $"the bytes of a {part.ContentType.MimeType} part changed");
        }
    }

    /// <summary>The decoded text of the first text/plain part of the delivered copy.</summary>
    public static string DeliveredText(byte[] delivered)
        => MimeMessage.Load(new MemoryStream(delivered)).BodyParts.OfType<TextPart>().First(p => p.IsPlain).Text;

    static string Normalised(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    static IEnumerable<MimePart> Leaves(MimeEntity? entity) => entity switch
    {
        Multipart multipart => multipart.SelectMany(Leaves),
        MessagePart { Message.Body: var inner } => Leaves(inner),
        MimePart part => [part],
        _ => [],
    };

    /// <summary>True when the post is signed or encrypted (and so gets no footer).</summary>
    public static bool IsProtected(byte[] sent) => ProtectedContent.IsProtected(MimeMap.TryParse(sent)!.Message);

    /// <summary>How often <paramref name="value"/> occurs in the decoded text parts of <paramref name="delivered"/>.</summary>
    public static int Count(byte[] delivered, string value)
    {
        var texts = MimeMessage.Load(new MemoryStream(delivered)).BodyParts.OfType<TextPart>().Select(p => p.Text);
        return texts.Sum(t => (t.Length - t.Replace(value, "", StringComparison.Ordinal).Length) / value.Length);
    }
}
