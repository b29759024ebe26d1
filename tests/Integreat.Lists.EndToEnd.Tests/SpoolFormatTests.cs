using System.Buffers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>The spool's metadata line grew the client's address and HELO name; entries written before that still
/// load after an upgrade and restart, and the new fields survive a move between queues.</summary>
public sealed class SpoolFormatTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "integreat-spool-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void AnEntryOfTheOldFormatLoadsWithoutClientData()
    {
        var spool = new FileSpool(_root);
        File.WriteAllText(spool.PathOf(QueueName.In, "20260101000000000-000001-abcd"),
            "{\"id\":\"20260101000000000-000001-abcd\",\"sender\":\"erika@example.org\",\"recipients\":[\"bayern@lists.integreat.example\"]," +
            "\"receivedUtc\":\"2026-01-01T00:00:00Z\",\"whichQueue\":null,\"reason\":null}\nSubject: alt\r\n\r\nText\r\n");

        var entry = new FileSpool(_root).Read(QueueName.In, "20260101000000000-000001-abcd");

        Assert.Equal("erika@example.org", entry.Data.Sender);
        Assert.Null(entry.Data.ClientAddress);
        Assert.Null(entry.Data.HeloName);
        Assert.Equal("Subject: alt\r\n\r\nText\r\n"u8.ToArray(), entry.Raw);
    }

    [Fact]
    public void ClientDataSurvivesAMoveToAnotherQueue()
    {
        var spool = new FileSpool(_root);
        var data = new MessageData { Id = "x1", Sender = "a@example.org", ClientAddress = "192.0.2.7", HeloName = "mail.example.org" };
        spool.Enqueue(QueueName.In, data, new ReadOnlySequence<byte>("Subject: neu\r\n\r\n"u8.ToArray()));
        spool.Move(QueueName.In, "x1", QueueName.Command, spool.Read(QueueName.In, "x1").Data);

        var moved = spool.Read(QueueName.Command, "x1").Data;

        Assert.Equal("192.0.2.7", moved.ClientAddress);
        Assert.Equal("mail.example.org", moved.HeloName);
    }
}
