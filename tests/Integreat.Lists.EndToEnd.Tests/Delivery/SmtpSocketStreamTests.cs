using System.Net;
using System.Net.Sockets;
using Integreat.Lists.Delivery;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>The socket stream under MailKit: writes wait for the flush and arrive whole and in order, and a silent
/// server is cut off at the timeout with the exception MailKit's own stream throws.</summary>
public sealed class SmtpSocketStreamTests : IAsyncLifetime
{
    Socket _client = null!;
    Socket _server = null!;

    public async Task InitializeAsync()
    {
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        _client = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accept = listener.AcceptAsync();
        await _client.ConnectAsync(listener.LocalEndPoint!);
        _server = await accept;
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        _server.Dispose();
        return Task.CompletedTask;
    }

    SmtpSocketStream Stream() => new(_client, TimeSpan.FromMilliseconds(50));

    static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(seed + i)).ToArray();

    async Task<byte[]> ReceiveAsync(int length)
    {
        var received = new byte[length];
        for (var at = 0; at < length;)
        {
            var n = await _server.ReceiveAsync(received.AsMemory(at), SocketFlags.None);
            Assert.True(n > 0, "the connection closed early");
            at += n;
        }
        return received;
    }

    [Fact]
    public async Task Writes_wait_for_the_flush_and_then_arrive_whole_and_in_order()
    {
        await using var stream = Stream();
        byte[][] chunks = [Bytes(30, 1), Bytes(4096, 2), Bytes(4096, 3), Bytes(2000, 4)];
        foreach (var chunk in chunks) await stream.WriteAsync(chunk, 0, chunk.Length);

        Assert.False(_server.Poll(0, SelectMode.SelectRead), "nothing may leave before the flush");
        await stream.FlushAsync();
        Assert.Equal(chunks.SelectMany(c => c).ToArray(), await ReceiveAsync(chunks.Sum(c => c.Length)));
    }

    [Fact]
    public async Task A_write_larger_than_the_buffer_goes_out_after_what_was_buffered_before_it()
    {
        await using var stream = Stream();
        var small = Bytes(100, 7);
        var large = Bytes(200_000, 9);
        await stream.WriteAsync(small);
        var sent = stream.WriteAsync(large).AsTask();
        var received = ReceiveAsync(small.Length + large.Length);
        await sent;
        await stream.FlushAsync();

        Assert.Equal(small.Concat(large).ToArray(), await received);
    }

    [Fact]
    public async Task A_read_from_a_silent_server_ends_at_the_timeout_as_a_TimeoutException()
    {
        await using var stream = Stream();
        stream.ReadTimeout = 200;

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => _ = await stream.ReadAsync(new byte[10]));
        Assert.Contains("200 milliseconds", error.Message);
        Assert.Throws<ObjectDisposedException>(() => _client.Send([1]));
    }

    [Fact]
    public async Task A_read_that_the_server_answers_in_time_is_not_cut_off()
    {
        await using var stream = Stream();
        stream.ReadTimeout = 60_000;
        var read = stream.ReadAsync(new byte[10]).AsTask();
        await _server.SendAsync("250 OK\r\n"u8.ToArray());

        Assert.Equal(8, await read);
        await stream.WriteAsync("QUIT\r\n"u8.ToArray());
        await stream.FlushAsync();
        Assert.Equal("QUIT\r\n"u8.ToArray(), await ReceiveAsync(6));
    }

    [Fact]
    public async Task A_read_first_sends_what_was_written_without_a_flush()
    {
        await using var stream = Stream();
        stream.ReadTimeout = 60_000;
        await stream.WriteAsync("EHLO client.example\r\n"u8.ToArray());

        var read = stream.ReadAsync(new byte[64]).AsTask();
        Assert.Equal("EHLO client.example\r\n"u8.ToArray(), await ReceiveAsync(21));
        await _server.SendAsync("250 OK\r\n"u8.ToArray());
        Assert.Equal(8, await read);
    }

    [Fact]
    public async Task A_server_that_hangs_up_ends_a_read_with_zero_bytes()
    {
        await using var stream = Stream();
        _server.Shutdown(SocketShutdown.Both);

        Assert.Equal(0, await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public void A_blocking_read_from_a_silent_server_ends_at_the_timeout_too()
    {
        using var stream = Stream();
        stream.ReadTimeout = 200;

        Assert.Throws<TimeoutException>(() => stream.Read(new byte[10], 0, 10));
    }

    [Fact]
    public async Task A_send_to_a_server_that_stops_reading_ends_at_the_timeout_as_a_TimeoutException()
    {
        await using var stream = Stream();
        stream.WriteTimeout = 200;
        var chunk = new byte[1024 * 1024];

        // The server never reads: once the socket buffers are full, a send blocks until the watchdog closes the socket.
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            for (var i = 0; i < 1000; i++) await stream.WriteAsync(chunk);
        });
    }

    [Fact]
    public async Task Dispose_ends_a_pending_read_as_a_broken_connection()
    {
        var stream = Stream();
        stream.ReadTimeout = 60_000;
        var read = stream.ReadAsync(new byte[10]).AsTask();
        await stream.DisposeAsync();

        await Assert.ThrowsAsync<IOException>(() => read);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => _ = await stream.ReadAsync(new byte[10]));
    }

    [Fact]
    public async Task Dispose_ends_a_pending_send_as_a_broken_connection()
    {
        var stream = Stream();
        stream.WriteTimeout = 60_000;
        var chunk = new byte[1024 * 1024];
        // The server never reads: a send of enough data blocks once the socket buffers are full.
        var sending = Task.Run(async () => { for (var i = 0; i < 1000; i++) await stream.WriteAsync(chunk); });
        // Wait for the first bytes to arrive, so the dispose meets a send in progress (or blocked).
        while (!_server.Poll(1000, SelectMode.SelectRead)) { }
        await stream.DisposeAsync();

        var error = await Record.ExceptionAsync(() => sending.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(error is IOException or ObjectDisposedException, $"ended with {error?.GetType().Name ?? "no exception"}");
    }

    [Fact]
    public async Task After_a_timeout_every_further_operation_fails_at_once()
    {
        await using var stream = Stream();
        stream.ReadTimeout = 200;
        await Assert.ThrowsAsync<TimeoutException>(async () => _ = await stream.ReadAsync(new byte[10]));

        await stream.WriteAsync("RSET\r\n"u8.ToArray());
        await Assert.ThrowsAsync<TimeoutException>(() => stream.FlushAsync());
        await Assert.ThrowsAsync<TimeoutException>(async () => _ = await stream.ReadAsync(new byte[10]));
    }
}
