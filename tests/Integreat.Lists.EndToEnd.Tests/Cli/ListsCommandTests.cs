namespace Integreat.Lists.EndToEnd.Tests.Cli;

public sealed class ListsCommandTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    [Fact]
    public async Task Create_then_list_prints_address_tab_name()
    {
        (await _sandbox.RunAsync("lists", "create", "Bayern@Lists.Example.org", "--name", "Integreat Bayern")).AssertSuccess();
        (await _sandbox.RunAsync("lists", "create", "nrw@lists.example.org")).AssertSuccess();

        var result = (await _sandbox.RunAsync("lists", "list")).AssertSuccess();

        Assert.Equal([$"{Bayern}\tIntegreat Bayern", "nrw@lists.example.org\tNrw"], result.OutLines);
    }

    [Fact]
    public async Task Show_prints_every_setting_as_key_value_lines()
    {
        await _sandbox.RunAsync("lists", "create", Bayern, "--name", "Integreat Bayern");
        await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org", "max@example.org");

        var result = (await _sandbox.RunAsync("lists", "show", Bayern)).AssertSuccess();

        var lines = result.OutLines;
        Assert.Equal(["address: " + Bayern, "name: Integreat Bayern", "list-id: bayern.lists.example.org", "subject-prefix: [Bayern]",
            "reply-to: none", "nonmember-action: reject", "subscription-policy: moderate", "members: 2"], lines[..8]);
        Assert.Matches(@"^created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", lines[8]);
        Assert.Equal(["moderators-are-admins: off", "archive: members", "archive-retention-years: forever",
            "dmarc-mitigation: when-required"], lines[9..13]);
        Assert.Equal(["emergency: off", "approval-passphrase: none", "max-size-kib: 5120", "max-recipients: 10",
            "require-explicit-destination: on", "administrivia: on", "dmarc-fail: hold"], lines[13..20]);
        Assert.Equal(["footer: none", "mime-filter: strip", "convert-html: on"], lines[20..23]);
        Assert.StartsWith("blocked-types: application/x-msdownload ", lines[23]);
        Assert.Equal("blocked-extensions: exe bat cmd com js vbs scr pif jar docm xlsm pptm", lines[24]);
        Assert.Equal(["allowed-types: -"], lines[25..]);
    }

    [Theory]
    [InlineData("reject")]
    [InlineData("accept")]
    [InlineData("hold")]
    public async Task Set_dmarc_fail_chooses_what_happens_to_forged_posts(string action)
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--dmarc-fail", action)).AssertSuccess();

        Assert.Contains("dmarc-fail: " + action, (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        Assert.Contains("discard", (await _sandbox.RunAsync("lists", "set", Bayern, "--dmarc-fail", "discard")).AssertBadInput());
    }

    [Fact]
    public async Task Set_moderators_are_admins_turns_the_per_list_switch()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--moderators-are-admins", "on")).AssertSuccess();
        Assert.Contains("moderators-are-admins: on", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        (await _sandbox.RunAsync("lists", "set", Bayern, "--moderators-are-admins", "off")).AssertSuccess();
        Assert.Contains("moderators-are-admins: off", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
    }

    [Fact]
    public async Task Set_dmarc_mitigation_takes_the_three_words()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--dmarc-mitigation", "always")).AssertSuccess();
        Assert.Contains("dmarc-mitigation: always", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        (await _sandbox.RunAsync("lists", "set", Bayern, "--dmarc-mitigation", "never")).AssertSuccess();
        Assert.Contains("dmarc-mitigation: never", (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        (await _sandbox.RunAsync("lists", "set", Bayern, "--dmarc-mitigation", "sometimes")).AssertBadInput();
    }

    [Fact]
    public async Task Set_changes_the_given_settings_only()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--reply-to", "list", "--nonmember-action", "discard")).AssertSuccess();
        (await _sandbox.RunAsync("lists", "set", Bayern, "--subject-prefix", "[BY]")).AssertSuccess();

        var lines = (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines;
        Assert.Contains("subject-prefix: [BY]", lines);
        Assert.Contains("reply-to: list", lines);
        Assert.Contains("nonmember-action: discard", lines);
    }

    [Theory]
    [InlineData("open")]
    [InlineData("closed")]
    [InlineData("moderate")]
    public async Task Set_changes_the_subscription_policy(string policy)
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        (await _sandbox.RunAsync("lists", "set", Bayern, "--subscription-policy", policy)).AssertSuccess();

        Assert.Contains("subscription-policy: " + policy, (await _sandbox.RunAsync("lists", "show", Bayern)).OutLines);
        Assert.Contains("everyone", (await _sandbox.RunAsync("lists", "set", Bayern, "--subscription-policy", "everyone")).AssertBadInput());
    }

    [Fact]
    public async Task Set_without_an_option_is_bad_input()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        var line = (await _sandbox.RunAsync("lists", "set", Bayern)).AssertBadInput();
        Assert.Contains("--subject-prefix", line);
    }

    [Fact]
    public async Task Set_with_an_unknown_word_is_bad_input()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        var line = (await _sandbox.RunAsync("lists", "set", Bayern, "--reply-to", "everyone")).AssertBadInput();
        Assert.Contains("everyone", line);
    }

    [Fact]
    public async Task Create_with_an_invalid_address_is_one_error_line()
    {
        var line = (await _sandbox.RunAsync("lists", "create", "foo")).AssertBadInput();

        Assert.Equal("error: 'foo' is not a valid address", line);
        Assert.Empty((await _sandbox.RunAsync("lists", "list")).OutLines);
    }

    [Fact]
    public async Task Create_of_an_existing_list_is_bad_input()
    {
        await _sandbox.RunAsync("lists", "create", Bayern);

        Assert.Equal($"error: list {Bayern} exists already", (await _sandbox.RunAsync("lists", "create", Bayern)).AssertBadInput());
    }

    [Fact]
    public async Task Show_of_an_unknown_list_is_bad_input()
        => Assert.Equal("error: no list hessen@lists.example.org",
            (await _sandbox.RunAsync("lists", "show", "hessen@lists.example.org")).AssertBadInput());

    public void Dispose() => _sandbox.Dispose();
}
