using System.Text.RegularExpressions;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>A daemon with a fake smarthost for command-mail tests: send one mail over SMTP, wait until the daemon
/// processed it and the smarthost holds a number of messages, then look at the roster.</summary>
public sealed partial class CommandExchange : IAsyncDisposable
{
    public const string Owner = "chefin@kommune.de";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    CommandExchange(FakeSmarthost smarthost, TestDaemon daemon)
    {
        Smarthost = smarthost;
        Daemon = daemon;
        Probe = new CommandProbe(daemon.Get<CommandProcessor>());
    }

    public FakeSmarthost Smarthost { get; }
    public TestDaemon Daemon { get; }
    public CommandProbe Probe { get; }

    /// <summary>Starts a daemon whose Bayern list has the owner <see cref="Owner"/> and the member erika@example.org.</summary>
    public static async Task<CommandExchange> StartAsync(Action<Settings>? tweak = null, string? directory = null, TimeProvider? clock = null)
    {
        var smarthost = await FakeSmarthost.StartAsync();
        var daemon = await TestDaemon.StartAsync(smarthost.HostPort, tweak, directory: directory,
            services: clock is null ? null : s => s.AddSingleton(clock));
        var exchange = new CommandExchange(smarthost, daemon);
        exchange.Daemon.AddMembers([Owner], MemberRole.Owner);
        exchange.Daemon.AddMembers(["erika@example.org"]);
        return exchange;
    }

    public async Task<IReadOnlyList<CapturedMessage>> SendAsync(MimeMessage message, string envelopeSender, string to, int total)
    {
        var processed = Probe.Done.Count;
        await Daemon.PostAsync(message, envelopeSender, to);
        await Probe.WaitAsync(processed + 1, Timeout);
        await Smarthost.WaitForAsync(h => h.Messages.Count >= total, Timeout);
        return Smarthost.Messages;
    }

    public Task<IReadOnlyList<CapturedMessage>> ExchangeAsync(string from, string to, string body, int total)
        => SendAsync(CommandMailTests.Mail(from, to, "", body), MailboxAddress.Parse(from).Address, to, total);

    /// <summary>Sends <paramref name="body"/> to -request as <paramref name="admin"/>, answers the confirmation
    /// from the admin's address, and returns every message the smarthost holds then.</summary>
    public async Task<IReadOnlyList<CapturedMessage>> ConfirmedAsync(string admin, string body, int afterRequest, int afterConfirm)
    {
        var token = TokenOf(Confirmation(await ExchangeAsync(admin, CommandMailTests.Request, body, afterRequest)));
        return await ExchangeAsync(admin, $"bayern-confirm+{token}@lists.integreat.example", "Ja.", afterConfirm);
    }

    public IReadOnlyList<Member> Roster() => Daemon.Get<IRosterRepository>().Roster(TestDaemon.Bayern);

    public Member? Find(string address) => Daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, address);

    public static CapturedMessage Confirmation(IEnumerable<CapturedMessage> sent)
        => sent.Last(m => (m.ToMimeMessage().Subject ?? "").StartsWith("Befehle bestätigen", StringComparison.Ordinal));

    /// <summary>The last reply with the results of commands to <paramref name="recipient"/>.</summary>
    public static string Results(IEnumerable<CapturedMessage> sent, string recipient)
        => sent.Last(m => m.Recipients.Contains(recipient) && (m.ToMimeMessage().Subject ?? "").StartsWith("Ergebnisse", StringComparison.Ordinal))
            .ToMimeMessage().TextBody!;

    public static string TokenOf(CapturedMessage confirmation)
        => Token().Match(confirmation.ToMimeMessage().ReplyTo.Mailboxes.Single().Address).Groups[1].Value;

    [GeneratedRegex("^bayern-confirm\\+([0-9a-f]{40})@")]
    private static partial Regex Token();

    public async ValueTask DisposeAsync()
    {
        Probe.Dispose();
        await Daemon.DisposeAsync();
        await Smarthost.DisposeAsync();
    }
}
