using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class BouncesCommandTests : IDisposable
{
    const string Dsn = """
        Return-Path: <>
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        To: bayern-bounces@lists.example.org
        Subject: Undelivered Mail Returned to Sender
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        Your message could not be delivered.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        Final-Recipient: rfc822; Erika@Example.org
        Action: failed
        Status: 5.1.1
        Diagnostic-Code: smtp; 550 5.1.1 <erika@example.org>: User unknown

        --B--
        """;

    const string Vacation = """
        From: max@example.org
        To: bayern-bounces@lists.example.org
        Subject: Away
        Auto-Submitted: auto-replied

        I am away until Monday.
        """;

    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Parse_prints_file_kind_recipients_and_status_per_file()
    {
        var dsn = _sandbox.WriteFile("dsn.eml", Dsn);
        var vacation = _sandbox.WriteFile("vacation.eml", Vacation);

        var result = (await CliSandbox.RunRawAsync("bounces", "parse", dsn, vacation)).AssertSuccess();

        Assert.Equal([$"{dsn}: permanent erika@example.org 5.1.1", $"{vacation}: not-a-bounce - -"], result.OutLines);
    }

    [Fact]
    public async Task Parse_json_prints_one_object_per_line()
    {
        var dsn = _sandbox.WriteFile("dsn.eml", Dsn);
        var vacation = _sandbox.WriteFile("vacation.eml", Vacation);

        var result = (await CliSandbox.RunRawAsync("bounces", "parse", "--json", dsn, vacation)).AssertSuccess();

        Assert.Equal(2, result.OutLines.Length);
        using var first = JsonDocument.Parse(result.OutLines[0]);
        var bounce = first.RootElement;
        Assert.Equal(dsn, bounce.GetProperty("file").GetString());
        Assert.Equal("permanent", bounce.GetProperty("kind").GetString());
        Assert.Equal(["erika@example.org"], bounce.GetProperty("recipients").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("5.1.1", bounce.GetProperty("status").GetString());
        Assert.Equal("550 5.1.1 <erika@example.org>: User unknown", bounce.GetProperty("diagnostic").GetString());
        using var second = JsonDocument.Parse(result.OutLines[1]);
        var notABounce = second.RootElement;
        Assert.Equal("not-a-bounce", notABounce.GetProperty("kind").GetString());
        Assert.Equal(0, notABounce.GetProperty("recipients").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, notABounce.GetProperty("status").ValueKind);
        Assert.Equal(JsonValueKind.Null, notABounce.GetProperty("diagnostic").ValueKind);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input_with_one_error_line()
    {
        var dsn = _sandbox.WriteFile("dsn.eml", Dsn);
        var missing = Path.Combine(_sandbox.Root, "missing.eml");

        var result = await CliSandbox.RunRawAsync("bounces", "parse", dsn, missing);

        Assert.Contains(missing, result.AssertBadInput());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Parse_needs_no_settings_and_never_opens_the_store()
    {
        var dsn = _sandbox.WriteFile("dsn.eml", Dsn);

        (await _sandbox.RunAsync("bounces", "parse", dsn)).AssertSuccess();
        (await CliSandbox.RunRawAsync("bounces", "parse", dsn, "--config", Path.Combine(_sandbox.Root, "missing.json"))).AssertSuccess();

        Assert.False(Directory.Exists(_sandbox.DataDirectory), "bounces parse created or opened the store");
    }

    [Fact]
    public async Task Parse_without_a_file_is_a_parse_error()
    {
        var result = await CliSandbox.RunRawAsync("bounces", "parse");

        result.AssertBadInput();
    }

    [Fact]
    public async Task Parse_is_refused_through_the_control_socket()
    {
        var dsn = _sandbox.WriteFile("dsn.eml", Dsn);
        using var services = new ServiceCollection().BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliEntry.RunInDaemonAsync(["bounces", "parse", dsn], services, output, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Contains("cannot run through the control socket", error.ToString());
    }

    public void Dispose() => _sandbox.Dispose();
}
