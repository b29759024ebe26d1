using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Command mail never answers machines: every real auto-reply in <c>shared/corpus/autoreplies</c>, bounces
/// and list mail go unanswered, and an auto-reply to a confirmation address confirms nothing.</summary>
public sealed class CommandLoopTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;
    CommandProbe _probe = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _probe = new CommandProbe(_daemon.Get<CommandProcessor>());
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.SubscriptionPolicy = SubscriptionPolicy.Open;
        lists.Update(list);
    }

    public async Task DisposeAsync()
    {
        _probe.Dispose();
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    static string Folder => Path.Combine(SharedCorpus.Root, "corpus", "autoreplies");

    public static TheoryData<string> Files() => new(Directory.GetFiles(Folder, "*.eml").Select(Path.GetFileName).Order()!);

    /// <summary>The SMTP bytes of a corpus file without an mbox "From " line, and its envelope sender (Return-Path,
    /// else the mbox line, else From:).</summary>
    static (byte[] Raw, string Sender) Load(string file)
    {
        var raw = SharedCorpus.AsSmtpBytes(Path.Combine(Folder, file));
        string? mboxSender = null;
        if (raw.AsSpan().StartsWith("From "u8))
        {
            var eol = Array.IndexOf(raw, (byte)'\n');
            mboxSender = Encoding.ASCII.GetString(raw, 5, eol - 5).Trim().Split(' ', 2)[0];
            raw = raw[(eol + 1)..];
        }
        var headers = RawMessage.Parse(raw).Headers;
        var returnPath = headers[HeaderId.ReturnPath]?.Trim().TrimStart('<').TrimEnd('>').Trim();
        if (returnPath is not null) return (raw, returnPath);
        if (mboxSender is not null) return (raw, mboxSender is "<>" or "MAILER-DAEMON" ? "" : mboxSender);
        return (raw, InternetAddressList.Parse(headers[HeaderId.From] ?? "").Mailboxes.First().Address);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryAutoReplyGetsNoAnswerAtAnyCommandAddress(string file)
    {
        var (raw, sender) = Load(file);
        string[] addresses = [CommandMailTests.Request, CommandMailTests.Join, CommandMailTests.Leave];

        foreach (var address in addresses) Assert.StartsWith("250", await _daemon.PostRawAsync(raw, sender, address));
        await _probe.WaitAsync(addresses.Length, Timeout);

        Assert.All(_probe.Done, d => Assert.Equal(0, d.Mails));
        Assert.Empty(_smarthost.Messages);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Shunt));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task AnAutoReplyToAConfirmationAddressConfirmsNothing(string file)
    {
        var (raw, sender) = Load(file);
        var target = EnvelopeOrPlaceholder(sender);
        var token = _daemon.Get<ConfirmationTokens>().Issue(TestDaemon.Bayern, target, PendingAction.Join);

        await _daemon.PostRawAsync(raw, sender, $"bayern-confirm+{token}@lists.integreat.example");
        await _probe.WaitAsync(1, Timeout);

        Assert.Null(_daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, target));
        Assert.NotNull(_daemon.Get<ConfirmationTokens>().Redeem(TestDaemon.Bayern, token));
        Assert.Empty(_smarthost.Messages);
    }

    static string EnvelopeOrPlaceholder(string sender) => sender.Length > 0 ? sender.ToLowerInvariant() : "someone@example.org";

    [Theory]
    [InlineData("", null)]
    [InlineData("mailer-daemon@example.org", null)]
    [InlineData("erika@example.org", "Auto-Submitted: auto-generated")]
    [InlineData("erika@example.org", "Precedence: bulk")]
    [InlineData("erika@example.org", "Precedence: junk")]
    [InlineData("erika@example.org", "Precedence: list")]
    [InlineData("erika@example.org", "X-Auto-Response-Suppress: All")]
    [InlineData("erika@example.org", "List-Id: <other.example.org>")]
    public async Task MachineMailIsNotAnswered(string sender, string? header)
    {
        var message = CommandMailTests.Mail("erika@example.org", CommandMailTests.Request, "help", "join\n");
        if (header is not null) message.Headers.Add(header.Split(':')[0], header.Split(':', 2)[1].Trim());

        await _daemon.PostRawAsync(Messages.Bytes(message), sender, CommandMailTests.Request);
        await _probe.WaitAsync(1, Timeout);

        Assert.Equal(0, Assert.Single(_probe.Done).Mails);
        Assert.Empty(_smarthost.Messages);
    }

    [Fact]
    public async Task AnExplicitAutoSubmittedNoIsAnswered()
    {
        var message = CommandMailTests.Mail("erika@example.org", CommandMailTests.Request, "help", "");
        message.Headers.Add("Auto-Submitted", "no");

        await _daemon.PostRawAsync(Messages.Bytes(message), "erika@example.org", CommandMailTests.Request);

        await _probe.WaitAsync(1, Timeout);
        await _smarthost.WaitForRecipientsAsync(1, Timeout);
        Assert.Equal(1, Assert.Single(_probe.Done).Mails);
    }

    [Fact]
    public async Task AnEntryThatCannotBeProcessedIsShunted()
    {
        var shunted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _daemon.Get<CommandRunner>().Shunted += id => shunted.TrySetResult(id);
        var data = new MessageData { Id = "test-orphan", Sender = "erika@example.org", Recipients = ["gone-request@lists.integreat.example"] };

        _daemon.Get<ISpool>().Enqueue(QueueName.Command, data, new System.Buffers.ReadOnlySequence<byte>("Subject: help\r\n\r\n"u8.ToArray()));
        _daemon.Get<CommandSignal>().Signal.Notify();

        Assert.Equal("test-orphan", await shunted.Task.WaitAsync(Timeout));
        var entry = _daemon.Get<ISpool>().Read(QueueName.Shunt, "test-orphan");
        Assert.Equal(QueueName.Command, entry.Data.WhichQueue);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Command));
    }
}
