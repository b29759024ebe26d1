namespace Integreat.Lists.Smtp;

/// <summary>A read-only view of the client's byte stream whose reads never end inside a possible end-of-data
/// sequence <c>CRLF.CRLF</c> (RFC 5321 §4.1.1.4), except right after a CRLF; at most two bytes are held back until
/// more arrive.</summary>
/// <remarks>
/// <para>Works around a bug in SmtpServer 11.1.0 (<c>BuffersExtension.TryFind</c>): after a miss it resumes the search
/// at the start of the buffer's last segment and checks the boundary to the previous segment only once. When the
/// terminator is split across two socket reads so that the newest segment holds only its first byte or two (for
/// example <c>…\r</c> | <c>\n</c> | <c>.\r\n</c>), the terminator is never found: the client waits for a reply that
/// never comes, whatever the message size. Because the pipe reader fills one segment per read, a read that never
/// ends in <c>\r</c>, <c>\r\n.</c> or <c>\r\n.\r</c> leaves only one split possible (<c>\r\n</c> | <c>.\r\n</c>), and
/// then the next read starts with the whole rest, so the library's one boundary check finds it.</para>
/// <para>Command lines are unaffected: a held <c>\r</c> waits only for the <c>\n</c> that ends the line.</para>
/// <para>SmtpServer also never ends an empty message: the CRLF before its lone dot was consumed with the DATA
/// line. After <see cref="DataFollows"/>, content that starts with <c>.CRLF</c> gets that CRLF back in front.</para>
/// </remarks>
public sealed class DotTerminatorGuardStream(Stream inner) : ReadOnlyStream
{
    readonly byte[] _held = new byte[4];
    int _heldCount;
    volatile bool _dataFollows;
    // The last bytes handed out, to see a terminator prefix that began in an earlier read.
    byte _last1, _last2;

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length < _held.Length + 1) return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            _held.AsSpan(0, _heldCount).CopyTo(buffer.Span);
            var read = await inner.ReadAsync(buffer[_heldCount..], cancellationToken).ConfigureAwait(false);
            var total = _heldCount + read;
            // End of stream: hand out what is held, then report the end.
            var keep = read == 0 ? 0 : HoldBack(buffer.Span[..total]);
            buffer.Span.Slice(total - keep, keep).CopyTo(_held);
            _heldCount = keep;
            var count = total - keep;
            if (count == 0 && read > 0) continue;
            if (_dataFollows && count > 0) count = RestoreEmptyMessage(buffer, count);
            Remember(buffer.Span[..count]);
            return count;
        }
    }

    /// <summary>Called when the server has answered DATA with 354: the next bytes are message content.</summary>
    public void DataFollows() => _dataFollows = true;

    /// <summary>Puts a CRLF before content that is only the end-of-data line, so the library sees CRLF.CRLF.</summary>
    int RestoreEmptyMessage(Memory<byte> buffer, int count)
    {
        _dataFollows = false;
        if (count < 3 || !buffer.Span[..3].SequenceEqual(".\r\n"u8)) return count;
        var overflow = Math.Max(0, count + 2 - buffer.Length);
        if (overflow > 0)
        {
            // Bytes pushed past the buffer's end come before anything still held.
            _held.AsSpan(0, _heldCount).CopyTo(_held.AsSpan(overflow));
            buffer.Span.Slice(count - overflow, overflow).CopyTo(_held);
            _heldCount += overflow;
            count -= overflow;
        }
        buffer.Span[..count].CopyTo(buffer.Span[2..]);
        "\r\n"u8.CopyTo(buffer.Span);
        return count + 2;
    }

    /// <summary>How many trailing bytes of <paramref name="chunk"/> (read after <see cref="_last2"/>,
    /// <see cref="_last1"/>) must wait so that it does not end in <c>\r</c>, <c>\r\n.</c> or <c>\r\n.\r</c>.</summary>
    int HoldBack(ReadOnlySpan<byte> chunk)
    {
        if (At(chunk, 1) == '\r') return At(chunk, 2) == '.' && At(chunk, 3) == '\n' && At(chunk, 4) == '\r' && chunk.Length >= 2 ? 2 : 1;
        return At(chunk, 1) == '.' && At(chunk, 2) == '\n' && At(chunk, 3) == '\r' ? 1 : 0;
    }

    /// <summary>The byte <paramref name="fromEnd"/> places before the end of the history followed by
    /// <paramref name="chunk"/> (1 is the last); 0 before the remembered history.</summary>
    byte At(ReadOnlySpan<byte> chunk, int fromEnd)
        => fromEnd <= chunk.Length ? chunk[^fromEnd] : (fromEnd - chunk.Length) switch { 1 => _last1, 2 => _last2, _ => (byte)0 };

    void Remember(ReadOnlySpan<byte> handedOut)
    {
        if (handedOut.Length >= 2) (_last2, _last1) = (handedOut[^2], handedOut[^1]);
        else if (handedOut.Length == 1) (_last2, _last1) = (_last1, handedOut[0]);
    }
}
