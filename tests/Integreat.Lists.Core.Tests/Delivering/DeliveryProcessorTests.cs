using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Delivering;

public sealed class DeliveryProcessorTests
{
    const string List = "bayern@lists.integreat.example";
    const string Erika = "erika@example.org", Max = "max@example.net", Jana = "jana@kommune.de";
    static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    static readonly byte[] Message = "From: erika@example.org\r\nSubject: [Bayern] Treffen\r\n\r\nHallo\r\n"u8.ToArray();

    readonly InMemoryDeliveryQueue _queue = new();
    readonly InMemoryOutgoingStore _outgoing = new();
    readonly InMemoryDeliveryJournal _journal = new();
    readonly InMemoryBounceEventStore _bounces = new();
    readonly FakeTimeProvider _time = new(Start);
    readonly ScriptedOutboundSession _session = new();
    readonly List<(DeliveryJob Job, bool Finished)> _finished = [];
    readonly List<ScriptedOutboundSession> _opened = [];
    Func<ScriptedOutboundSession> _nextSession;

    public DeliveryProcessorTests() => _nextSession = () => _session;

    DeliveryProcessor Processor(bool verp = true, TimeSpan? giveUpAfter = null)
    {
        var options = new DeliveryOptions { Verp = verp };
        if (giveUpAfter is { } g) options.GiveUpAfter = g;
        var processor = new DeliveryProcessor(_queue, _outgoing, _journal, _bounces, Options.Create(options), _time,
            NullLogger<DeliveryProcessor>.Instance);
        processor.AttemptFinished += (job, finished) => _finished.Add((job, finished));
        return processor;
    }

    DeliveryJob Queue(string postId = "post1", int index = 0, string sender = "", params string[] recipients)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var job = new DeliveryJob
        {
            Id = $"{postId}.{index:D5}", PostId = postId, List = List, MessageId = "<20250303.1@example.org>", Sender = sender,
            Recipients = recipients.Length > 0 ? [.. recipients] : [Erika, Max, Jana], CreatedUtc = now, NextAttemptUtc = now,
        };
        _queue.Add([job]);
        if (!_outgoing.Contains(postId)) _outgoing.Write(postId, Message);
        return job;
    }

    Task<IOutboundSession> Open(CancellationToken cancellationToken)
    {
        var session = _nextSession();
        _opened.Add(session);
        return Task.FromResult<IOutboundSession>(session);
    }

    Task Attempt(DeliveryProcessor processor, DeliveryJob job) => processor.AttemptAsync(job, Open, "127.0.0.1:25", CancellationToken.None);

    [Fact]
    public async Task AllDeliveredCompletesTheJobAndDeletesTheMessage()
    {
        var job = Queue();

        await Attempt(Processor(), job);

        Assert.Empty(_queue.All());
        Assert.Same(job, Assert.Single(_queue.Completed));
        Assert.Empty(_queue.Updated);
        Assert.False(_outgoing.Contains("post1"));
        Assert.Equal(["post1"], _outgoing.Deleted);
        Assert.Empty(_bounces.Events);
        Assert.Equal([Erika, Max, Jana], _session.Transactions.SelectMany(t => t.Recipients));
        Assert.All(_session.Transactions, t => Assert.Equal(Message, t.Message));
        Assert.Empty(_journal.Read(job.Id));
        Assert.Equal([job.Id], _journal.Deleted);
        Assert.Equal((job, true), Assert.Single(_finished));
    }

    [Fact]
    public async Task TheMessageStaysWhileAnotherJobOfThePostIsQueued()
    {
        var first = Queue(index: 0, recipients: [Erika]);
        Queue(index: 1, recipients: [Max]);

        await Attempt(Processor(), first);

        Assert.True(_outgoing.Contains("post1"));
        Assert.Empty(_outgoing.Deleted);
        Assert.Equal(["post1.00001"], _queue.All().Select(j => j.Id));
    }

    [Fact]
    public async Task APermanentFailureBecomesABounceEventAndTheOthersAreDelivered()
    {
        _session.Reply(Max, 550, "5.1.1 <max@example.net>: Recipient address rejected: User unknown");
        var job = Queue();

        await Attempt(Processor(), job);

        var bounce = Assert.Single(_bounces.Events);
        Assert.Equal(List, bounce.List);
        Assert.Equal(Max, bounce.Address);
        Assert.Equal("5.1.1", bounce.Dsn);
        Assert.Equal("<20250303.1@example.org>", bounce.MessageId);
        Assert.Contains("User unknown", bounce.Reply, StringComparison.Ordinal);
        Assert.Equal(Start.UtcDateTime, bounce.TimeUtc);
        Assert.Equal([Erika, Max, Jana], _session.Transactions.SelectMany(t => t.Recipients));
        Assert.Empty(_queue.All());
        Assert.False(_outgoing.Contains("post1"));
        Assert.Equal([(job.Id, Erika, 250), (job.Id, Max, 550), (job.Id, Jana, 250)], _journal.Appends);
    }

    [Fact]
    public async Task ATemporaryFailureKeepsOnlyTheDeferredRecipientsForFiveMinutesLater()
    {
        _session.Reply(Jana, 451, "4.2.0 greylisted, come back later");
        var job = Queue();

        await Attempt(Processor(), job);

        var updated = Assert.Single(_queue.All());
        Assert.Same(job, Assert.Single(_queue.Updated));
        Assert.Equal([Jana], updated.Recipients);
        Assert.Equal(1, updated.Attempts);
        Assert.Equal(Start.UtcDateTime + TimeSpan.FromMinutes(5), updated.NextAttemptUtc);
        Assert.Equal("4.2.0 greylisted, come back later", updated.LastError);
        Assert.Empty(_bounces.Events);
        Assert.True(_outgoing.Contains("post1"));
        Assert.DoesNotContain(_journal.Appends, a => a.Recipient == Jana);
        Assert.Empty(_journal.Read(job.Id));
        Assert.Equal((job, false), Assert.Single(_finished));
    }

    [Fact]
    public async Task TheNextRetryWaitsTwiceAsLongAndOnlyTriesTheDeferred()
    {
        _session.Reply(Jana, 451, "4.2.0 greylisted");
        var job = Queue();
        var processor = Processor();
        await Attempt(processor, job);
        _time.Advance(TimeSpan.FromMinutes(5));
        _session.Transactions.Clear();

        await Attempt(processor, job);

        Assert.Equal([Jana], Assert.Single(_session.Transactions).Recipients);
        Assert.Equal(2, job.Attempts);
        Assert.Equal(Start.UtcDateTime + TimeSpan.FromMinutes(5 + 10), job.NextAttemptUtc);
        Assert.Single(_queue.All());
    }

    [Fact]
    public async Task WithVerpEachRecipientGetsItsOwnTransactionAndSender()
    {
        Queue();

        await Attempt(Processor(verp: true), Assert.Single(_queue.All()));

        Assert.Equal(
            [
                ("bayern-bounces+erika=example.org@lists.integreat.example", Erika),
                ("bayern-bounces+max=example.net@lists.integreat.example", Max),
                ("bayern-bounces+jana=kommune.de@lists.integreat.example", Jana),
            ],
            _session.Transactions.Select(t => (t.Sender, Assert.Single(t.Recipients))));
        Assert.Single(_opened);
    }

    [Fact]
    public async Task WithoutVerpOneTransactionCarriesAllRecipients()
    {
        Queue();

        await Attempt(Processor(verp: false), Assert.Single(_queue.All()));

        var transaction = Assert.Single(_session.Transactions);
        Assert.Equal("bayern-bounces@lists.integreat.example", transaction.Sender);
        Assert.Equal([Erika, Max, Jana], transaction.Recipients);
    }

    [Fact]
    public async Task AFixedJobSenderOverridesVerp()
    {
        var job = Queue(sender: "bayern-owner@lists.integreat.example");

        await Attempt(Processor(verp: true), job);

        var transaction = Assert.Single(_session.Transactions);
        Assert.Equal("bayern-owner@lists.integreat.example", transaction.Sender);
        Assert.Equal([Erika, Max, Jana], transaction.Recipients);
    }

    [Fact]
    public async Task WhenNoSessionCanBeOpenedEveryRecipientIsDeferred()
    {
        var job = Queue();

        await Processor().AttemptAsync(job, _ => throw new TransportException("connection refused"), "127.0.0.1:25",
            CancellationToken.None);

        var updated = Assert.Single(_queue.All());
        Assert.Equal([Erika, Max, Jana], updated.Recipients);
        Assert.Equal(1, updated.Attempts);
        Assert.Equal(Start.UtcDateTime + TimeSpan.FromMinutes(5), updated.NextAttemptUtc);
        Assert.StartsWith("4.4.1", updated.LastError, StringComparison.Ordinal);
        Assert.Contains("connection refused", updated.LastError, StringComparison.Ordinal);
        Assert.Empty(_bounces.Events);
        Assert.Empty(_journal.Appends);
        Assert.True(_outgoing.Contains("post1"));
    }

    [Fact]
    public async Task AConnectionThatBreaksMidTransactionDefersOnlyThatTransaction()
    {
        _session.FailTransaction = 2;
        var job = Queue();

        await Attempt(Processor(verp: true), job);

        Assert.Equal([Max], Assert.Single(_queue.All()).Recipients);
        Assert.StartsWith("4.4.2", job.LastError, StringComparison.Ordinal);
        Assert.Equal([Erika, Jana], _journal.Appends.Select(a => a.Recipient));
    }

    [Fact]
    public async Task ASessionThatDropsMidJobIsReplacedByANewOne()
    {
        _session.UnusableAfter = 1;
        var replacement = new ScriptedOutboundSession();
        _nextSession = () => _opened.Count == 0 ? _session : replacement;
        var job = Queue();

        await Attempt(Processor(verp: true), job);

        Assert.Equal([_session, replacement], _opened);
        Assert.Equal([Erika], Assert.Single(_session.Transactions).Recipients);
        Assert.Equal([Max, Jana], replacement.Transactions.SelectMany(t => t.Recipients));
        Assert.Empty(_queue.All());
    }

    [Fact]
    public async Task ReconnectsWithinOneAttemptAreLimitedAndTheRestIsDeferred()
    {
        // Every connection drops after one transaction: the attempt must not reconnect once per recipient.
        _nextSession = () => new ScriptedOutboundSession { UnusableAfter = 1 };
        var recipients = Enumerable.Range(1, 10).Select(i => $"m{i}@example.org").ToArray();
        var job = Queue(recipients: recipients);

        await Attempt(Processor(verp: true), job);

        var delivered = _opened.SelectMany(s => s.Transactions).SelectMany(t => t.Recipients).ToList();
        Assert.InRange(_opened.Count, 2, 4);
        Assert.Equal(_opened.Count, delivered.Count);
        Assert.Equal(recipients.Except(delivered), Assert.Single(_queue.All()).Recipients);
        Assert.StartsWith("4.4.2", job.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedReconnectDefersTheRest()
    {
        _session.UnusableAfter = 1;
        _nextSession = () => _opened.Count == 0 ? _session : throw new TransportException("connection refused");
        var job = Queue();

        await Attempt(Processor(verp: true), job);

        Assert.Equal([Erika], Assert.Single(_session.Transactions).Recipients);
        Assert.Equal([Max, Jana], Assert.Single(_queue.All()).Recipients);
        Assert.StartsWith("4.4.1", job.LastError, StringComparison.Ordinal);
        Assert.Equal([(job.Id, Erika, 250)], _journal.Appends);
    }

    [Fact]
    public async Task ARecipientJournaledByACrashedAttemptIsNotSentAgain()
    {
        var job = Queue();
        _journal.Append(job.Id, Erika, 250);
        _journal.Append(job.Id, Max, 550);

        await Attempt(Processor(verp: false), job);

        Assert.Equal([Jana], Assert.Single(_session.Transactions).Recipients);
        Assert.Empty(_bounces.Events);
        Assert.Empty(_queue.All());
        Assert.False(_outgoing.Contains("post1"));
        Assert.Empty(_journal.Read(job.Id));
    }

    [Fact]
    public async Task AJobWhoseRecipientsAreAllJournaledOpensNoSessionAndCompletes()
    {
        var job = Queue();
        foreach (var r in job.Recipients) _journal.Append(job.Id, r, 250);

        await Attempt(Processor(), job);

        Assert.Empty(_opened);
        Assert.Empty(_session.Transactions);
        Assert.Empty(_queue.All());
        Assert.False(_outgoing.Contains("post1"));
    }

    [Fact]
    public async Task PastGiveUpAfterTheDeferredRecipientsBounceWith447AndTheJobCompletes()
    {
        var job = Queue();
        _session.Reply(Max, 451, "4.3.0 mailbox temporarily unavailable").Reply(Jana, 421, "4.4.2 timeout");
        _time.Advance(TimeSpan.FromDays(5));

        await Attempt(Processor(giveUpAfter: TimeSpan.FromDays(5)), job);

        Assert.Equal([(Max, "4.4.7"), (Jana, "4.4.7")], _bounces.Events.Select(b => (b.Address, b.Dsn)));
        Assert.All(_bounces.Events, b => Assert.StartsWith("delivery time expired", b.Reply, StringComparison.Ordinal));
        Assert.Contains("4.3.0 mailbox temporarily unavailable", _bounces.Events[0].Reply, StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, _bounces.Events[0].TimeUtc);
        Assert.Empty(_queue.All());
        Assert.Same(job, Assert.Single(_queue.Completed));
        Assert.False(_outgoing.Contains("post1"));
        Assert.Equal((job, true), Assert.Single(_finished));
    }

    [Fact]
    public async Task JustBeforeGiveUpAfterTheJobIsStillRetried()
    {
        var job = Queue();
        _session.Reply(Max, 451, "4.3.0 mailbox temporarily unavailable");
        _time.Advance(TimeSpan.FromDays(5) - TimeSpan.FromSeconds(1));

        await Attempt(Processor(giveUpAfter: TimeSpan.FromDays(5)), job);

        Assert.Empty(_bounces.Events);
        Assert.Equal([Max], Assert.Single(_queue.All()).Recipients);
    }

    [Fact]
    public void ShuntingParksTheJobAndKeepsItsJournal()
    {
        var job = Queue();
        _journal.Append(job.Id, Erika, 250);

        Processor().Shunt(job, new InvalidDataException("damaged\nfile"));

        var parked = Assert.Single(_queue.All());
        Assert.True(parked.Shunted);
        Assert.Equal(DateTime.MaxValue, parked.NextAttemptUtc);
        Assert.Equal("shunted: InvalidDataException: damaged file", parked.LastError);
        Assert.Empty(_queue.Due(DateTime.MaxValue.AddTicks(-1), 10, new HashSet<string>()));
        Assert.Equal(250, _journal.Read(job.Id)[Erika]);
        Assert.True(_outgoing.Contains("post1"));
        Assert.Equal((job, false), Assert.Single(_finished));
    }
}
