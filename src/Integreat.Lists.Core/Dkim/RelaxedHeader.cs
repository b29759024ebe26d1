using System.Text;

namespace Integreat.Lists.Core.Dkim;

/// <summary>The "relaxed" header canonicalization of RFC 6376 §3.4.2, byte for byte as MimeKit's signer and verifier
/// compute it: the field name in lower case, a colon, the value unfolded with every run of whitespace (SP, HTAB, CR,
/// LF) made one space and none at its start or end, then CRLF (none after the DKIM-Signature field being
/// signed, §3.7).</summary>
public static class RelaxedHeader
{
    /// <summary>The canonical form of one field.</summary>
    /// <param name="field">The field name as parsed (without the colon).</param>
    /// <param name="rawValue">The raw bytes after the colon, folding and line end included.</param>
    /// <param name="lineEnd">False for the DKIM-Signature field itself (its canonical form has no CRLF).</param>
    public static byte[] Canonical(string field, ReadOnlySpan<byte> rawValue, bool lineEnd = true)
    {
        // MimeKit writes the lower-cased name as ASCII (non-ASCII names, which the parser rejects anyway, become '?').
        var name = Encoding.ASCII.GetBytes(field.ToLowerInvariant());
        var output = new byte[name.Length + 1 + rawValue.Length + 2];
        name.CopyTo(output, 0);
        var length = name.Length;
        output[length++] = (byte)':';
        var pendingSpace = false;
        var i = 0;
        while (i < rawValue.Length && IsWhitespace(rawValue[i])) i++;
        for (; i < rawValue.Length; i++)
        {
            var b = rawValue[i];
            if (IsWhitespace(b))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) output[length++] = (byte)' ';
            pendingSpace = false;
            output[length++] = b;
        }
        if (lineEnd)
        {
            output[length++] = (byte)'\r';
            output[length++] = (byte)'\n';
        }
        return output.AsSpan(0, length).ToArray();
    }

    static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';
}
