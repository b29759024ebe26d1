using System.Buffers;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class QueueCommandTests : IDisposable
{
    const string ShuntedId = "20251129T120000-0001";
    readonly CliSandbox _sandbox = new();
    readonly FileSpool _spool;

    public QueueCommandTests()
    {
        _spool = new FileSpool(_sandbox.Settings.Storage.SpoolPath);
        var raw = new ReadOnlySequence<byte>("Subject: hi\r\n\r\nbody\r\n"u8.ToArray());
        _spool.Enqueue(QueueName.Shunt, new MessageData { Id = ShuntedId, Sender = "a@example.org", WhichQueue = QueueName.In, Reason = "boom" }, raw);
        _spool.Enqueue(QueueName.Command, new MessageData { Id = "20251129T120000-0002" }, raw);
        using var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath);
        new LiteDeliveryQueue(store).Add([new DeliveryJob
        {
            Id = "post1.00000", PostId = "post1", List = "bayern@lists.example.org", Recipients = ["erika@example.org"],
            Attempts = 3, Shunted = true, NextAttemptUtc = DateTime.MaxValue, LastError = "451 try later",
        }]);
    }

    [Fact]
    public async Task List_shows_counts_shunted_entries_and_jobs()
    {
        var lines = (await _sandbox.RunAsync("queue", "list")).AssertSuccess().OutLines;

        Assert.Contains("spool command: 1 entry", lines);
        Assert.Contains("spool shunt: 1 entry", lines);
        Assert.Contains($"shunted {ShuntedId} from=in reason=boom", lines);
        Assert.Contains("job post1.00000 list=bayern@lists.example.org recipients=1 attempts=3 next=never shunted=yes last-error=451 try later", lines);
    }

    [Fact]
    public async Task Show_prints_the_metadata_and_the_path()
    {
        var lines = (await _sandbox.RunAsync("queue", "show", ShuntedId)).AssertSuccess().OutLines;

        Assert.Contains("queue: shunt", lines);
        Assert.Contains("reason: boom", lines);
        Assert.Contains("path: " + _spool.PathOf(QueueName.Shunt, ShuntedId), lines);
    }

    [Fact]
    public async Task Requeue_puts_a_shunted_entry_back_into_its_queue()
    {
        (await _sandbox.RunAsync("queue", "requeue", ShuntedId)).AssertSuccess();

        Assert.Empty(_spool.List(QueueName.Shunt));
        var entry = _spool.Read(QueueName.In, ShuntedId);
        Assert.Null(entry.Data.WhichQueue);
        Assert.Null(entry.Data.Reason);
    }

    [Fact]
    public async Task Requeue_makes_a_shunted_job_due_again()
    {
        (await _sandbox.RunAsync("queue", "requeue", "post1.00000")).AssertSuccess();

        var lines = (await _sandbox.RunAsync("queue", "show", "post1.00000")).OutLines;
        Assert.Contains("shunted: no", lines);
        Assert.DoesNotContain("next-attempt: never", lines);
    }

    [Fact]
    public async Task Flush_makes_deferred_jobs_due_and_leaves_shunted_ones()
    {
        using (var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath))
        {
            new LiteDeliveryQueue(store).Add([new DeliveryJob
            {
                Id = "post2.00000", PostId = "post2", List = "bayern@lists.example.org", Recipients = ["max@example.net"],
                Attempts = 2, NextAttemptUtc = DateTime.UtcNow.AddHours(3), LastError = "421 smarthost down",
            }]);
        }

        Assert.Equal(["1 deferred delivery job is due now"], (await _sandbox.RunAsync("queue", "flush")).AssertSuccess().OutLines);

        var deferred = (await _sandbox.RunAsync("queue", "show", "post2.00000")).OutLines;
        var next = DateTime.Parse(deferred.Single(l => l.StartsWith("next-attempt: ", StringComparison.Ordinal))["next-attempt: ".Length..],
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.True(next <= DateTime.UtcNow, $"next attempt {next:O} should be now or earlier");
        Assert.Contains("shunted: yes", (await _sandbox.RunAsync("queue", "show", "post1.00000")).OutLines);
        Assert.Equal(["0 deferred delivery jobs are due now"], (await _sandbox.RunAsync("queue", "flush")).AssertSuccess().OutLines);
    }

    [Fact]
    public async Task Requeue_of_an_unknown_id_is_bad_input()
        => Assert.Equal("error: no queue entry nothing", (await _sandbox.RunAsync("queue", "requeue", "nothing")).AssertBadInput());

    [Fact]
    public async Task Delete_removes_a_shunted_entry_and_a_shunted_job_with_its_message()
    {
        var outgoing = new FileOutgoingStore(_sandbox.Settings.Storage.SpoolPath);
        outgoing.Write("post1", "Subject: hi\r\n\r\nbody\r\n"u8.ToArray());

        Assert.Equal([$"deleted {ShuntedId} from shunt"], (await _sandbox.RunAsync("queue", "delete", ShuntedId)).AssertSuccess().OutLines);
        Assert.Equal(["deleted delivery job post1.00000"], (await _sandbox.RunAsync("queue", "delete", "post1.00000")).AssertSuccess().OutLines);

        Assert.Empty(_spool.List(QueueName.Shunt));
        var lines = (await _sandbox.RunAsync("queue", "list")).AssertSuccess().OutLines;
        Assert.DoesNotContain(lines, l => l.StartsWith("job ", StringComparison.Ordinal));
        // A fresh store: this one keeps what it wrote in memory, and the CLI deleted the file in its own process.
        Assert.Throws<FileNotFoundException>(() => new FileOutgoingStore(_sandbox.Settings.Storage.SpoolPath).Read("post1"));
    }

    [Fact]
    public async Task Delete_refuses_an_entry_still_at_work()
    {
        var error = (await _sandbox.RunAsync("queue", "delete", "20251129T120000-0002")).AssertBadInput();

        Assert.Contains("still at work", error);
        Assert.Single(_spool.List(QueueName.Command));
    }

    public void Dispose() => _sandbox.Dispose();
}
