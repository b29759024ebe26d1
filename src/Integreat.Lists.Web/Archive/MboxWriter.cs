using System.Text;
using Integreat.Lists.Core.Archiving;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Archive;

/// <summary>A month of a list's archive as one mbox file (RFC 4155, "mboxrd" quoting): each post as archived,
/// oldest first, after a <c>From sender date</c> line, LF line ends, lines matching <c>^&gt;*From </c> quoted with
/// one more <c>&gt;</c>.</summary>
public static class MboxWriter
{
    /// <summary>The download of <paramref name="posts"/> as <c>LIST-yyyy-MM.mbox</c>.</summary>
    public static IResult Result(ArchiveRequest request, string month, IReadOnlyList<ArchivedPost> posts)
    {
        using var output = new MemoryStream();
        foreach (var post in posts.OrderBy(p => p.DateUtc)) Write(output, post, request.Store.Raw(post));
        request.Context.Response.Headers.ContentDisposition = $"attachment; filename=\"{request.List.Address.Split('@')[0]}-{month}.mbox\"";
        return Results.Bytes(output.ToArray(), "application/mbox");
    }

    /// <summary>Appends one message to <paramref name="output"/>.</summary>
    public static void Write(Stream output, ArchivedPost post, byte[] raw)
    {
        var sender = post.SenderAddress.Length > 0 ? post.SenderAddress : "MAILER-DAEMON";
        var from = $"From {sender} {post.DateUtc.ToString("ddd MMM d HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture)}\n";
        output.Write(Encoding.ASCII.GetBytes(from));
        var start = 0;
        while (start < raw.Length)
        {
            var end = Array.IndexOf(raw, (byte)'\n', start);
            var next = end < 0 ? raw.Length : end + 1;
            var length = (end < 0 ? raw.Length : end) - start;
            if (length > 0 && raw[start + length - 1] == '\r') length--;
            var line = raw.AsSpan(start, length);
            if (IsFromLine(line)) output.WriteByte((byte)'>');
            output.Write(line);
            output.WriteByte((byte)'\n');
            start = next;
        }
        output.WriteByte((byte)'\n');
    }

    static bool IsFromLine(ReadOnlySpan<byte> line)
    {
        var quoted = 0;
        while (quoted < line.Length && line[quoted] == '>') quoted++;
        return line[quoted..].StartsWith("From "u8);
    }
}
