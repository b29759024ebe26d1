using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>The end of DATA is found however the client's writes split it, and a message over the advertised SIZE
/// (RFC 1870) without a declared size gets 552 5.3.4, every time.</summary>
public sealed class OversizeTests : IAsyncLifetime
{
    const int AdvertisedBytes = 64 * 1024;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync() => _daemon = await TestDaemon.StartAsync(null, s =>
    {
        s.Smtp.MaxMessageSizeKiB = AdvertisedBytes / 1024;
        s.Smtp.MaxConnections = 50;
        s.Smtp.MaxConnectionsPerAddress = 50;
    });

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    [Fact]
    public async Task EveryJustOverSizeMessageGets552EvenUnderConcurrency()
    {
        // 65,537 bytes: the last CR lands at the end of the server's 16th 4 KiB read segment, and the LF and the
        // final dot come in writes of their own, the split that SmtpServer 11 alone never recognises as the end.
        var body = System.Text.Encoding.ASCII.GetBytes("X" + MessageOfSize(AdvertisedBytes));
        var replies = await RunSessionsAsync(200, client => PostSplitAsync(client, body));
        AssertAll(replies, "552 5.3.4");
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.In));
    }

    [Fact]
    public async Task AnAcceptedMessageSplitAtTheTerminatorIsAnsweredToo()
    {
        // The same split inside the limit: 4,097 bytes put the CR at the end of the first read segment.
        var body = System.Text.Encoding.ASCII.GetBytes(MessageOfSize(4097));
        var replies = await RunSessionsAsync(40, client => PostSplitAsync(client, body));
        AssertAll(replies, "250 2.0.0");
    }

    /// <summary>Runs <paramref name="count"/> sessions, 20 at a time; each returns its reply to the end of data, or
    /// what went wrong.</summary>
    async Task<List<string>> RunSessionsAsync(int count, Func<RawSmtpClient, Task<string>> session)
    {
        var replies = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (_, _) =>
        {
            await using var client = new RawSmtpClient();
            await client.ConnectAsync("127.0.0.1", _daemon.Port);
            try
            {
                replies.Add(await session(client));
            }
            catch (Exception ex) when (ex is TimeoutException or IOException)
            {
                replies.Add(ex.GetType().Name + ": " + ex.Message);
            }
        });
        return replies.ToList();
    }

    /// <summary>One transaction to the Bayern list whose data is sent as <see cref="SendSplitAsync"/> does.</summary>
    static async Task<string> PostSplitAsync(RawSmtpClient client, byte[] body)
    {
        await client.StartDataAsync("erika@example.org", "bayern@lists.integreat.example");
        return await SendSplitAsync(client, body);
    }

    /// <summary>Sends <paramref name="body"/> (ending in CRLF) in three writes, "…CR", "LF" and ".CRLF", and reads the reply.</summary>
    static async Task<string> SendSplitAsync(RawSmtpClient client, byte[] body)
    {
        await client.SendRawAsync(body[..^1]);
        await client.SendRawAsync("\n"u8.ToArray());
        await client.SendRawAsync(".\r\n"u8.ToArray());
        return await client.ReadReplyAsync() ?? "closed without a reply";
    }

    static void AssertAll(List<string> replies, string expected)
    {
        var wrong = replies.Where(r => !r.StartsWith(expected, StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {replies.Count} sessions: {string.Join(" / ", wrong.Distinct())}");
    }

    /// <summary>A message of exactly <paramref name="size"/> bytes (as stored, CRLF included), lines under 1000.</summary>
    internal static string MessageOfSize(int size)
    {
        var text = new System.Text.StringBuilder("Subject: x\r\n\r\n");
        while (size - text.Length > 1000) text.Append(new string('x', 998)).Append("\r\n");
        text.Append(new string('x', size - text.Length - 2)).Append("\r\n");
        return text.ToString();
    }
}
