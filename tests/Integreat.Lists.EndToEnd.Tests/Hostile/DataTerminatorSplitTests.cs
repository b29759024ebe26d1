using System.Buffers;
using Integreat.Lists.Smtp;
using Integreat.Lists.Testing;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>SmtpServer 11 with our <see cref="SocketPipe"/>, fed reads split exactly as a test says: the end of
/// DATA is found wherever the reads split it (the bug behind the unanswered 552, see <see cref="DotTerminatorGuardStream"/>).</summary>
public sealed class DataTerminatorSplitTests
{
    public static TheoryData<string[]> Splits => new()
    {
        // The server reads 4 KiB segments; 4,096 bytes ending in CR fill the first one exactly.
        new[] { "\r", "\n", ".\r\n" },
        new[] { "\r", "\n.", "\r\n" },
        new[] { "\r\n", ".", "\r", "\n" },
        new[] { "\r\n.", "\r", "\n" },
        new[] { "\r\n.\r", "\n" },
        new[] { "\r\n.\r\n" },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public async Task TheEndOfDataIsFoundHoweverTheReadsSplitIt(string[] tail)
    {
        var client = new ScriptedStream();
        var store = new RecordingStore();
        var server = StartServer(client, store, out var run);
        Assert.StartsWith("220", await client.ReadLineAsync(Timeout));
        client.Send("HELO client.example.org\r\nMAIL FROM:<erika@example.org>\r\nRCPT TO:<bayern@lists.integreat.example>\r\nDATA\r\n");
        Assert.StartsWith("250", await client.ReadLineAsync(Timeout));
        Assert.StartsWith("250", await client.ReadLineAsync(Timeout));
        Assert.StartsWith("250", await client.ReadLineAsync(Timeout));
        Assert.StartsWith("354", await client.ReadLineAsync(Timeout));
        // 4,096 bytes that end just before the terminator's first byte, so its split follows the read boundary.
        var body = "Subject: x\r\n\r\n" + new string('x', 4096 - 14 - tail[0].Length) + tail[0];
        client.Send(body);
        foreach (var piece in tail.Skip(1)) client.Send(piece);
        Assert.StartsWith("250", await client.ReadLineAsync(Timeout));
        // The library hands over the data without the terminator.
        Assert.Equal(4096 - tail[0].Length, store.Lengths.Single());
        client.EndOfInput();
        server.Shutdown();
        await run;
    }

    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    static SmtpServer.SmtpServer StartServer(ScriptedStream client, RecordingStore store, out Task run)
    {
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new OneConnection(client));
        services.Add(store);
        var server = SmtpServerFactory.Create(new SmtpIntakeOptions { Listen = ["127.0.0.1:0"] }, services);
        run = server.StartAsync(CancellationToken.None);
        return server;
    }

    sealed class RecordingStore : MessageStore
    {
        public List<long> Lengths { get; } = [];

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            lock (Lengths) Lengths.Add(buffer.Length);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    /// <summary>A listener whose one connection is <paramref name="client"/>; later accepts wait for shutdown.</summary>
    sealed class OneConnection(ScriptedStream client) : EndpointListenerFactory
    {
        public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) => new Listener(client);

        sealed class Listener(ScriptedStream client) : IEndpointListener
        {
            int _accepted;

            public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
            {
                if (Interlocked.Exchange(ref _accepted, 1) == 0) return new SocketPipe(client);
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                throw new OperationCanceledException(cancellationToken);
            }

            public void Dispose()
            {
            }
        }
    }
}
