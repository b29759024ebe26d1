using System.Net.Sockets;
using System.Text;

namespace Integreat.Lists.Testing;

/// <summary>A line-level SMTP client for protocol tests that a well-behaved client such as MailKit cannot produce:
/// bad syntax, commands out of order, pipelining, hand-made dot-stuffing, hanging up mid-transaction.</summary>
/// <remarks>Every read gives up after <see cref="ReadTimeout"/> with a <see cref="TimeoutException"/>, so a server
/// that never answers fails the test instead of hanging it.</remarks>
public sealed class RawSmtpClient : IAsyncDisposable
{
    static readonly byte[] DotCrLf = ".\r\n"u8.ToArray();

    // No Nagle: each write leaves as its own TCP segment, so tests control how the server's reads are split.
    readonly TcpClient _tcp = new() { NoDelay = true };
    NetworkStream? _stream;
    StreamReader? _reader;

    /// <summary>How long a read waits for the server; 10 s by default.</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connects and reads the greeting.</summary>
    /// <returns>The greeting reply, e.g. "220 host ESMTP" (lines joined with "\n" if multi-line).</returns>
    public async Task<string> ConnectAsync(string host, int port)
    {
        await _tcp.ConnectAsync(host, port).ConfigureAwait(false);
        _stream = _tcp.GetStream();
        // Latin-1 maps every byte to one char, so odd server bytes show up in assertions instead of as U+FFFD.
        _reader = new StreamReader(_stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false);
        return await ReadRequiredReplyAsync("the greeting").ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="line"/> with CRLF appended and reads one whole reply.</summary>
    /// <returns>The reply's lines joined with "\n", e.g. "250-host\n250 PIPELINING".</returns>
    /// <exception cref="IOException">The server closed the connection instead of replying.</exception>
    public async Task<string> SendAsync(string line)
    {
        await WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n")).ConfigureAwait(false);
        return await ReadRequiredReplyAsync(line).ConfigureAwait(false);
    }

    /// <summary>EHLO, MAIL FROM <paramref name="sender"/>, RCPT TO <paramref name="recipient"/> and DATA, one by one.</summary>
    /// <returns>The reply to DATA, "354 …" when the server waits for the content.</returns>
    public async Task<string> StartDataAsync(string sender, string recipient)
    {
        await SendAsync("EHLO client.example.org").ConfigureAwait(false);
        await SendAsync($"MAIL FROM:<{sender}>").ConfigureAwait(false);
        await SendAsync($"RCPT TO:<{recipient}>").ConfigureAwait(false);
        return await SendAsync("DATA").ConfigureAwait(false);
    }

    /// <summary>Sends message content after a <c>354</c>: <paramref name="data"/> as is, then ".\r\n", and reads the reply.</summary>
    /// <param name="data">Already dot-stuffed by the caller, ending with CRLF unless the test wants otherwise.</param>
    public async Task<string> SendDataAsync(byte[] data)
    {
        var stream = RequireStream();
        await stream.WriteAsync(data).ConfigureAwait(false);
        await stream.WriteAsync(DotCrLf).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
        return await ReadRequiredReplyAsync("end of data").ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="text"/> verbatim without reading, for pipelining or for partial lines.
    /// Read the replies with <see cref="ReadReplyAsync"/>.</summary>
    public Task SendRawAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes <paramref name="bytes"/> verbatim without reading, as one write.</summary>
    public Task SendRawAsync(byte[] bytes) => WriteAsync(bytes);

    /// <summary>Reads one whole reply.</summary>
    /// <returns>The reply's lines joined with "\n", or null if the server closed the connection first.</returns>
    public async Task<string?> ReadReplyAsync()
    {
        var reader = _reader ?? throw new InvalidOperationException("Call ConnectAsync first.");
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var lines = new List<string>();
        try
        {
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
                if (line is null) return lines.Count == 0 ? null : throw ClosedMidReply(lines);
                lines.Add(line);
                // "250-" continues a multi-line reply; "250 " or a bare "250" ends it (RFC 5321 §4.2.1).
                if (line.Length < 4 || line[3] != '-') return string.Join("\n", lines);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete SMTP reply within {ReadTimeout.TotalSeconds:0.#} s; got: [{string.Join(" | ", lines)}]");
        }
        catch (IOException) when (lines.Count == 0)
        {
            // A reset after the server's close is the same outcome for a test as a clean EOF.
            return null;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    async Task WriteAsync(byte[] bytes)
    {
        var stream = RequireStream();
        await stream.WriteAsync(bytes).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }

    async Task<string> ReadRequiredReplyAsync(string after)
        => await ReadReplyAsync().ConfigureAwait(false)
            ?? throw new IOException($"The server closed the connection instead of replying to {after}.");

    NetworkStream RequireStream() => _stream ?? throw new InvalidOperationException("Call ConnectAsync first.");

    static IOException ClosedMidReply(List<string> lines)
        => new($"The server closed the connection in the middle of a reply: [{string.Join(" | ", lines)}]");
}
