using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Privacy;
using Integreat.Lists.Core.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.Core.Tests.Privacy;

/// <summary><c>Privacy:PseudonymiseLogs</c>: delivery log lines name the recipient by a keyed pseudonym, also inside
/// the server's reply; without the setting they name the address.</summary>
public sealed class LogAddressesTests
{
    static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    static async Task<string> DeliveryLineAsync(LogAddresses addresses)
    {
        var queue = new InMemoryDeliveryQueue();
        var outgoing = new InMemoryOutgoingStore();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
        var logger = new FakeLogger<DeliveryProcessor>();
        var session = new ScriptedOutboundSession().Reply("max@example.net", 550, "5.1.1 <max@example.net>: Recipient address rejected");
        var job = new DeliveryJob
        {
            Id = "p1.00000", PostId = "p1", List = "bayern@lists.integreat.example", MessageId = "<m1@example.org>",
            Recipients = ["max@example.net"], CreatedUtc = time.GetUtcNow().UtcDateTime, NextAttemptUtc = time.GetUtcNow().UtcDateTime,
        };
        queue.Add([job]);
        outgoing.Write("p1", "From: erika@example.org\r\n\r\nHallo\r\n"u8.ToArray());
        var processor = new DeliveryProcessor(queue, outgoing, new InMemoryDeliveryJournal(), new InMemoryBounceEventStore(),
            Options.Create(new DeliveryOptions()), time, logger, logAddresses: addresses);

        await processor.AttemptAsync(job, _ => Task.FromResult<Abstractions.IOutboundSession>(session), "relay", CancellationToken.None);

        return logger.Collector.GetSnapshot().Single(r => r.Message.Contains("status=", StringComparison.Ordinal)).Message;
    }

    [Fact]
    public async Task With_pseudonyms_the_delivery_line_does_not_name_the_recipient()
    {
        var pseudonyms = new LogAddresses(Key);

        var line = await DeliveryLineAsync(pseudonyms);

        Assert.DoesNotContain("max@example.net", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("to=<" + pseudonyms.Of("max@example.net") + ">", line);
        Assert.Contains("<" + pseudonyms.Of("max@example.net") + ">: Recipient address rejected", line);
        Assert.Contains("list=bayern@lists.integreat.example", line);
    }

    [Fact]
    public async Task Without_the_setting_the_line_names_the_recipient()
        => Assert.Contains("to=<max@example.net>", await DeliveryLineAsync(LogAddresses.Plain));

    [Fact]
    public void A_pseudonym_is_stable_per_address_and_differs_by_key_and_address()
    {
        var one = new LogAddresses(Key);
        var other = new LogAddresses([.. Key.Reverse()]);

        Assert.Matches("^anon-[0-9a-f]{12}$", one.Of("Max@Example.net"));
        Assert.Equal(one.Of("max@example.net"), one.Of("MAX@example.net"));
        Assert.NotEqual(one.Of("max@example.net"), one.Of("erika@example.org"));
        Assert.NotEqual(one.Of("max@example.net"), other.Of("max@example.net"));
    }
}
