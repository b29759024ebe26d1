using System.Buffers;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Administration;

public sealed class QueueAdministrationTests
{
    readonly InMemorySpool _spool = new();
    readonly InMemoryDeliveryQueue _deliveries = new();
    readonly IncomingSignal _incoming = new();
    readonly DeliverySignal _delivery = new();
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 11, 29, 12, 0, 0, TimeSpan.Zero));
    readonly QueueAdministration _admin;

    public QueueAdministrationTests() => _admin = new QueueAdministration(_spool, _deliveries, _incoming, _delivery, _time, new InMemoryOutgoingStore(), new InMemoryDeliveryJournal());

    [Fact]
    public void Overview_counts_every_queue_and_lists_shunted_entries_and_jobs()
    {
        Enqueue(QueueName.Command, new MessageData { Id = "c1" });
        Enqueue(QueueName.Shunt, new MessageData { Id = "s1", WhichQueue = QueueName.In, Reason = "boom" });
        _deliveries.Add([new DeliveryJob { Id = "p1.00000", PostId = "p1", Shunted = true, NextAttemptUtc = DateTime.MaxValue }]);

        var overview = _admin.Overview();

        Assert.Equal(1, overview.Counts[QueueName.Command]);
        Assert.Equal(0, overview.Counts[QueueName.Bounces]);
        Assert.Equal("boom", Assert.Single(overview.Shunted).Data.Reason);
        Assert.Equal("p1.00000", Assert.Single(overview.Jobs).Id);
    }

    [Fact]
    public async Task Requeue_moves_a_shunted_entry_back_to_its_queue_without_shunt_data_and_wakes_the_runner()
    {
        Enqueue(QueueName.Shunt, new MessageData { Id = "s1", Sender = "a@x.org", WhichQueue = QueueName.In, Reason = "boom" });

        Assert.Equal(QueueName.In, _admin.Requeue("s1"));

        var entry = _spool.Read(QueueName.In, "s1");
        Assert.Equal(new MessageData { Id = "s1", Sender = "a@x.org" }, entry.Data);
        Assert.Empty(_spool.List(QueueName.Shunt));
        Assert.True(await _incoming.Signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None));
    }

    [Fact]
    public void Requeue_of_an_entry_without_origin_goes_to_in()
    {
        Enqueue(QueueName.Shunt, new MessageData { Id = "s1" });

        Assert.Equal(QueueName.In, _admin.Requeue("s1"));
    }

    [Fact]
    public async Task Requeue_makes_a_shunted_job_due_now_and_wakes_delivery()
    {
        _deliveries.Add([new DeliveryJob { Id = "p1.00000", PostId = "p1", Shunted = true, NextAttemptUtc = DateTime.MaxValue }]);

        Assert.Equal(QueueAdministration.Delivery, _admin.Requeue("p1.00000"));

        var job = Assert.Single(_deliveries.All());
        Assert.False(job.Shunted);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, job.NextAttemptUtc);
        Assert.True(await _delivery.Signal.WaitAsync(TimeSpan.Zero, _time, CancellationToken.None));
    }

    [Fact]
    public void Requeue_of_an_entry_that_is_not_shunted_is_bad_input()
    {
        Enqueue(QueueName.In, new MessageData { Id = "i1" });

        var error = Assert.Throws<AdministrationException>(() => _admin.Requeue("i1"));
        Assert.Equal("i1 is not shunted (it is in queue in)", error.Message);
    }

    [Fact]
    public void Requeue_of_an_unknown_id_is_bad_input()
    {
        var error = Assert.Throws<AdministrationException>(() => _admin.Requeue("nothing"));
        Assert.Equal("no queue entry nothing", error.Message);
    }

    [Fact]
    public void FindEntry_ignores_ids_that_would_leave_the_spool()
        => Assert.Null(_admin.FindEntry("../etc/passwd"));

    void Enqueue(string queue, MessageData data) => _spool.Enqueue(queue, data, new ReadOnlySequence<byte>("Subject: x\r\n\r\nbody\r\n"u8.ToArray()));
}
