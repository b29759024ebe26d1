using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>The reply limit (5 per address and hour) and the confirmation limit (3 per target and day) are kept in
/// LiteDB: a restart of the daemon does not give a subscription bomber a fresh allowance.</summary>
public sealed class RateLimitRestartTests : IDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-limits-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    static async Task<int[]> SendAllAsync(CommandExchange mail, IEnumerable<(string From, string To)> mails)
    {
        var before = mail.Probe.Done.Count;
        var count = 0;
        foreach (var (from, to) in mails)
        {
            await mail.Daemon.PostAsync(CommandMailTests.Mail(from, to, "", "help"), MailboxAddress.Parse(from).Address, to);
            count++;
        }
        await mail.Probe.WaitAsync(before + count, Timeout);
        return mail.Probe.Done.Skip(before).Select(d => d.Mails).ToArray();
    }

    [Fact]
    public async Task BothLimitsSurviveARestart()
    {
        var bombs = Enumerable.Repeat(("opfer@example.org", CommandMailTests.Join), 3);
        var questions = Enumerable.Repeat(("erika@example.org", CommandMailTests.Request), 5);
        await using (var first = await CommandExchange.StartAsync(directory: _directory))
        {
            var lists = first.Daemon.Get<IListRepository>();
            var list = lists.Find(TestDaemon.Bayern)!;
            list.SubscriptionPolicy = SubscriptionPolicy.Open;
            lists.Update(list);
            var allowed = await SendAllAsync(first, bombs.Concat(questions));
            Assert.Equal(Enumerable.Repeat(1, 8), allowed);
        }

        await using var second = await CommandExchange.StartAsync(directory: _directory);

        var refused = await SendAllAsync(second, [("opfer@example.org", CommandMailTests.Join), ("erika@example.org", CommandMailTests.Request)]);
        var fresh = await SendAllAsync(second, [("max@example.net", CommandMailTests.Request)]);

        Assert.Equal(new[] { 0, 0 }, refused);
        Assert.Equal(new[] { 1 }, fresh);
    }
}
