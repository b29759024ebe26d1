using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>The open-relay battery: every old trick for routing through a server to another domain is refused at
/// RCPT (RFC 5321 §3.6.2, §4.1.2, Appendix C; RFC 2505 §2.6).</summary>
public sealed class OpenRelayTests : IAsyncLifetime
{
    TestDaemon _daemon = null!;

    public async Task InitializeAsync() => _daemon = await TestDaemon.StartAsync(null);

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    [Theory]
    [InlineData("<victim@gmail.com>")]
    [InlineData("<victim%gmail.com@lists.integreat.example>")]
    [InlineData("<bayern%gmail.com@lists.integreat.example>")]
    [InlineData("<victim%gmail.com>")]
    [InlineData("<gmail.com!victim@lists.integreat.example>")]
    [InlineData("<gmail.com!victim>")]
    [InlineData("<@lists.integreat.example:victim@gmail.com>")]
    [InlineData("<@lists.integreat.example,@relay.example:victim@gmail.com>")]
    [InlineData("<\"victim@gmail.com\"@lists.integreat.example>")]
    [InlineData("<\"victim@gmail.com\">")]
    [InlineData("<\"bayern@lists.integreat.example\"@gmail.com>")]
    [InlineData("<victim@[1.2.3.4]>")]
    [InlineData("<bayern@[127.0.0.1]>")]
    [InlineData("<victim@[IPv6:::1]>")]
    [InlineData("<victim@gmail.com@lists.integreat.example>")]
    [InlineData("<victim@lists.integreat.example.gmail.com>")]
    [InlineData("<victim@gmail.com.>")]
    [InlineData("<postmaster@gmail.com>")]
    [InlineData("victim@gmail.com")]
    public async Task ARelayAttemptIsRefused(string recipient)
    {
        await using var client = new RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", _daemon.Port);
        await client.SendAsync("EHLO client.example.org");
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<spammer@example.com>"));
        var reply = await client.SendAsync($"RCPT TO:{recipient}");
        Assert.True(reply.StartsWith('5'), reply);
        // And nothing can be sent on: no recipient was taken.
        var data = await client.SendAsync("DATA");
        Assert.True(data.StartsWith('5'), data);
    }
}
