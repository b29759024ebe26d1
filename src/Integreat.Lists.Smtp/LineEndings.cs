using System.Buffers;

namespace Integreat.Lists.Smtp;

/// <summary>Turns every bare LF and bare CR of message data into CRLF before it is spooled.</summary>
/// <remarks>SMTP smuggling (CVE-2023-51764/-51766, SEC Consult 2023) hides a second message behind an end-of-data
/// sequence that one server ignores and the next honours, such as <c>&lt;LF&gt;.&lt;CR&gt;&lt;LF&gt;</c> or
/// <c>&lt;CR&gt;.&lt;CR&gt;</c>. Our intake ends DATA only at <c>CRLF.CRLF</c> (RFC 5321 §4.1.1.4), so such a
/// sequence stays inside the post; normalised, it becomes a line holding one dot, which the outgoing SMTP client
/// dot-stuffs (RFC 5321 §4.5.2), so the smarthost cannot split the post either. Postfix 3.9's default
/// <c>smtpd_forbid_bare_newline = normalize</c> treats bare LF the same way.</remarks>
public static class LineEndings
{
    const byte Cr = (byte)'\r', Lf = (byte)'\n';

    /// <summary>Returns <paramref name="data"/> itself when every CR and LF in it is part of a CRLF pair, otherwise a
    /// copy in which each bare CR and each bare LF is replaced by CRLF.</summary>
    public static ReadOnlySequence<byte> ToCrLf(ReadOnlySequence<byte> data)
        => IsCrLfOnly(data) ? data : new ReadOnlySequence<byte>(Normalize(data));

    /// <summary>True when every CR in <paramref name="data"/> is followed by LF and every LF preceded by CR.</summary>
    public static bool IsCrLfOnly(ReadOnlySequence<byte> data)
    {
        var pendingCr = false;
        foreach (var memory in data)
        {
            var span = memory.Span;
            var start = 0;
            if (pendingCr && span.Length > 0)
            {
                if (span[0] != Lf) return false;
                pendingCr = false;
                start = 1;
            }
            while (start < span.Length)
            {
                var found = span[start..].IndexOfAny(Cr, Lf);
                if (found < 0) break;
                var at = start + found;
                if (span[at] == Lf) return false;
                if (at + 1 == span.Length)
                {
                    pendingCr = true;
                    break;
                }
                if (span[at + 1] != Lf) return false;
                start = at + 2;
            }
        }
        return !pendingCr;
    }

    static byte[] Normalize(ReadOnlySequence<byte> data)
    {
        // At most every byte doubles; only broken messages take this path.
        var output = new byte[checked(data.Length * 2)];
        var length = 0;
        var previousCr = false;
        foreach (var memory in data)
        {
            foreach (var b in memory.Span)
            {
                // An LF right after a CR completes the pair already written.
                var completesPair = b == Lf && previousCr;
                previousCr = b == Cr;
                if (completesPair) continue;
                if (b is Cr or Lf)
                {
                    output[length++] = Cr;
                    output[length++] = Lf;
                }
                else output[length++] = b;
            }
        }
        return output[..length];
    }
}
