using System.Buffers;
using System.Text;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Cli;
using Integreat.Lists.Storage;

namespace Integreat.Lists.EndToEnd.Tests.Privacy;

/// <summary><c>person forget</c> deletes the person's held posts (record and spool entry) and leaves others' alone;
/// <c>members import</c> skips forgotten addresses unless <c>--force</c>.</summary>
public sealed class ForgetHeldPostsTests : IDisposable
{
    const string List = "a@lists.example.org";
    readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    void Hold(string id, string sender)
    {
        var settings = _sandbox.Settings;
        new FileSpool(settings.Storage.SpoolPath).Enqueue(QueueName.Hold, new MessageData { Id = id, Sender = sender, ReceivedUtc = DateTime.UtcNow },
            new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes($"From: {sender}\r\nSubject: Hallo\r\n\r\nText\r\n")));
        using var store = new LiteStore(settings.Storage.DatabasePath);
        new LiteHeldPostStore(store).Save(new HeldPost
        {
            Id = id, List = List, EnvelopeSender = sender, Sender = sender, Subject = "Hallo", HeldUtc = DateTime.UtcNow, ExpiresUtc = DateTime.UtcNow.AddDays(3),
        });
    }

    (IReadOnlyList<string> Records, IReadOnlyList<string> Spooled) Held()
    {
        using var store = new LiteStore(_sandbox.Settings.Storage.DatabasePath);
        return (new LiteHeldPostStore(store).List().Select(p => p.Id).ToList(), new FileSpool(_sandbox.Settings.Storage.SpoolPath).List(QueueName.Hold));
    }

    [Fact]
    public async Task Forget_deletes_the_persons_held_posts_and_keeps_the_others()
    {
        (await _sandbox.RunAsync("lists", "create", List)).AssertSuccess();
        Hold("h1", "erika@example.org");
        Hold("h2", "max@example.org");

        var forget = (await _sandbox.RunAsync("person", "forget", "Erika@example.org")).AssertSuccess().Out;

        Assert.Contains("1 held post(s)", forget);
        var (records, spooled) = Held();
        Assert.Equal(["h2"], records);
        Assert.Equal(["h2"], spooled);
    }

    [Fact]
    public async Task Import_skips_a_forgotten_address_unless_forced()
    {
        (await _sandbox.RunAsync("lists", "create", List)).AssertSuccess();
        (await _sandbox.RunAsync("members", "add", List, "erika@example.org")).AssertSuccess();
        (await _sandbox.RunAsync("person", "forget", "erika@example.org")).AssertSuccess();
        var csv = _sandbox.WriteFile("members.csv", "address,name\nerika@example.org,Erika\nmax@example.org,Max\n");

        var import = (await _sandbox.RunAsync("members", "import", List, csv)).AssertSuccess().OutLines;
        Assert.Contains(import, l => l.StartsWith("line 2: forgotten on request, skipped erika@example.org", StringComparison.Ordinal));
        Assert.Equal("max@example.org", (await _sandbox.RunAsync("members", "list", List)).AssertSuccess().Out.Trim());

        (await _sandbox.RunAsync("members", "import", List, csv, "--force")).AssertSuccess();
        Assert.Contains("erika@example.org", (await _sandbox.RunAsync("members", "list", List)).AssertSuccess().Out);
    }

    [Fact]
    public async Task Add_refuses_a_forgotten_address_unless_forced()
    {
        (await _sandbox.RunAsync("lists", "create", List)).AssertSuccess();
        (await _sandbox.RunAsync("person", "forget", "erika@example.org")).AssertSuccess();

        Assert.Contains("was forgotten on request", (await _sandbox.RunAsync("members", "add", List, "erika@example.org")).AssertBadInput());
        (await _sandbox.RunAsync("members", "add", List, "erika@example.org", "--force")).AssertSuccess();
        Assert.Contains("erika@example.org", (await _sandbox.RunAsync("members", "list", List)).AssertSuccess().Out);
    }
}
