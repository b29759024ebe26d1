using System.Text;
using System.Text.RegularExpressions;
using Integreat.Lists.Core.Messages;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Support;

/// <summary>Builds raw messages and inspects serialised bytes.</summary>
internal static class Wire
{
    /// <summary>The lines joined with CRLF, UTF-8 encoded. Pass "" for the blank line and a last "" for a final CRLF.</summary>
    public static byte[] Crlf(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines));

    /// <summary>Parses a message built from <paramref name="lines"/> (see <see cref="Crlf"/>).</summary>
    public static RawMessage Parse(params string[] lines) => RawMessage.Parse(Crlf(lines));

    /// <summary>The parsed header list of a message that consists of the given header lines and an empty body.</summary>
    public static HeaderList Headers(params string[] headerLines) => Parse([.. headerLines, "", ""]).Headers;

    /// <summary>The byte offset of the first occurrence of <paramref name="needle"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);

    /// <summary>Everything after the first CRLF CRLF (found independently of <see cref="RawMessage"/>).</summary>
    public static byte[] BodyAfterFirstBlankLine(byte[] message)
    {
        var i = IndexOf(message, "\r\n\r\n"u8);
        Assert.True(i >= 0, "the message has no CRLF CRLF");
        return message[(i + 4)..];
    }

    /// <summary>The header block (up to and including the CRLF before the blank line), one char per byte.</summary>
    public static string HeaderBlock(byte[] message)
    {
        var i = IndexOf(message, "\r\n\r\n"u8);
        Assert.True(i >= 0, "the message has no CRLF CRLF");
        return Encoding.Latin1.GetString(message, 0, i + 2);
    }

    /// <summary>The serialised fields called <paramref name="name"/> (name, colon, raw value with folding), one char per byte.</summary>
    public static IReadOnlyList<string> Fields(byte[] message, string name) =>
        Regex.Matches(HeaderBlock(message), $@"^{Regex.Escape(name)}:.*\r\n(?:[ \t].*\r\n)*", RegexOptions.Multiline | RegexOptions.IgnoreCase)
            .Select(m => m.Value).ToList();

    /// <summary>Asserts every byte is 7-bit ASCII.</summary>
    public static void AssertAscii(string serialised)
    {
        var bad = serialised.Select((c, i) => (c, i)).Where(x => x.c > 0x7F).ToList();
        Assert.True(bad.Count == 0, $"non-ASCII byte 0x{(bad.Count > 0 ? (int)bad[0].c : 0):X2} at {(bad.Count > 0 ? bad[0].i : -1)} in: {serialised}");
    }

    /// <summary>Occurrences of <paramref name="needle"/> in <paramref name="text"/>, ignoring case.</summary>
    public static int Count(string text, string needle)
    {
        var count = 0;
        for (var i = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); i >= 0;
             i = text.IndexOf(needle, i + needle.Length, StringComparison.OrdinalIgnoreCase)) count++;
        return count;
    }
}
