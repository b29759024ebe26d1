using System.CommandLine;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Daemon.Cli;

/// <summary>The <c>lists</c> commands: <c>create</c>, <c>list</c>, <c>show</c> and <c>set</c>.</summary>
internal static class ListsCommands
{
    /// <summary>Creates the <c>lists</c> command and its subcommands.</summary>
    public static Command Build(AdminRunner admin) => new("lists", "Creates, shows and changes mailing lists.")
    {
        Create(admin), List(admin), Show(admin), Set(admin),
    };

    static Command Create(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The posting address, e.g. bayern@lists.integreat.example." };
        var name = new Option<string>("--name") { Description = "The display name; default the capitalised local part.", HelpName = "NAME" };
        var command = new Command("create", "Creates a list with the default settings.") { address, name };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var list = AdminRunner.Lists(services).CreateList(parse.GetValue(address)!, parse.GetValue(name));
            output.WriteLine($"created list {list.Address} ({list.Name})");
            return 0;
        }, ct));
        return command;
    }

    static Command List(AdminRunner admin)
    {
        var command = new Command("list", "Prints every list as ADDRESS<TAB>NAME, one per line.");
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            foreach (var list in AdminRunner.Lists(services).AllLists()) output.WriteLine(list.Address + "\t" + list.Name);
            return 0;
        }, ct));
        return command;
    }

    static Command Show(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The list's posting address." };
        var command = new Command("show", "Prints a list's settings as 'key: value' lines.") { address };
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var lists = AdminRunner.Lists(services);
            var list = lists.GetList(parse.GetValue(address)!);
            Print(list, lists.Roster(list.Address).Count, output);
            return 0;
        }, ct));
        return command;
    }

    static Command Set(AdminRunner admin)
    {
        var address = new Argument<string>("ADDRESS") { Description = "The list's posting address." };
        var prefix = new Option<string>("--subject-prefix") { Description = "The subject prefix, e.g. \"[Bayern]\"; \"\" for none.", HelpName = "PREFIX" };
        var replyTo = new Option<string>("--reply-to") { Description = "Reply-To munging: poster, list or none." };
        replyTo.AcceptOnlyFromAmong(Words.Of<ReplyToPolicy>());
        var nonmember = new Option<string>("--nonmember-action") { Description = "Posts from nonmembers: reject, discard, accept or hold." };
        nonmember.AcceptOnlyFromAmong(Words.Of<NonmemberAction>());
        var subscription = new Option<string>("--subscription-policy") { Description = "Joining by mail: open, moderate or closed." };
        subscription.AcceptOnlyFromAmong(Words.Of<SubscriptionPolicy>());
        var moderatorsAdmins = new Option<string>("--moderators-are-admins") { Description = "Moderators may use the admin commands by mail: on or off." };
        moderatorsAdmins.AcceptOnlyFromAmong("on", "off");
        var dmarc = new Option<string>("--dmarc-mitigation") { Description = "Rewrite From to the list for DMARC: never, when-required or always." };
        dmarc.AcceptOnlyFromAmong(Words.KebabOf<DmarcMitigation>());
        var archive = new Option<string>("--archive") { Description = "Who may read the archive: public, members (signed-in members) or off (nothing archived)." };
        archive.AcceptOnlyFromAmong(Words.Of<ArchivePolicy>());
        var retention = new Option<int?>("--archive-retention-years") { Description = "Delete archived posts after this many years; 0 keeps them for ever.", HelpName = "YEARS" };
        var posting = new ListsPostingOptions();
        var content = new ListsContentOptions();
        var command = new Command("set", "Changes a list's settings; give at least one option.")
            { address, prefix, replyTo, nonmember, subscription, moderatorsAdmins, archive, retention, dmarc };
        foreach (var option in posting.All.Concat(content.All)) command.Options.Add(option);
        command.Validators.Add(result =>
        {
            if (!result.Children.OfType<System.CommandLine.Parsing.OptionResult>().Any(o => !o.Implicit && o.Option.Name != CommandTree.ConfigOption))
                result.AddError("lists set needs at least one of --subject-prefix, --reply-to, --nonmember-action, --subscription-policy, " +
                                "--moderators-are-admins, --archive, --archive-retention-years, --dmarc-mitigation, a posting or a content option (see --help)");
        });
        command.SetAction((parse, ct) => admin.RunAsync(parse, (services, output, _) =>
        {
            var changes = new ListChanges(parse.GetValue(prefix), Words.Parse<ReplyToPolicy>(parse.GetValue(replyTo)),
                Words.Parse<NonmemberAction>(parse.GetValue(nonmember)), Words.Parse<SubscriptionPolicy>(parse.GetValue(subscription)),
                posting.Read(parse))
            {
                ModeratorsAreAdmins = parse.GetValue(moderatorsAdmins) is { } on ? on == "on" : null,
                Archive = Words.Parse<ArchivePolicy>(parse.GetValue(archive)),
                ArchiveRetentionYears = parse.GetValue(retention),
                DmarcMitigation = Words.ParseKebab<DmarcMitigation>(parse.GetValue(dmarc)),
                Content = content.Read(parse), Footer = content.ReadFooter(parse),
            };
            var list = AdminRunner.Lists(services).ChangeList(parse.GetValue(address)!, changes);
            output.WriteLine($"updated list {list.Address}");
            return 0;
        }, ct));
        return command;
    }

    static void Print(MailingList list, int members, TextWriter output)
    {
        output.WriteLine("address: " + list.Address);
        output.WriteLine("name: " + list.Name);
        output.WriteLine("list-id: " + list.ListId);
        output.WriteLine("subject-prefix: " + list.SubjectPrefix);
        output.WriteLine("reply-to: " + Words.Of(list.ReplyTo));
        output.WriteLine("nonmember-action: " + Words.Of(list.NonmemberAction));
        output.WriteLine("subscription-policy: " + Words.Of(list.SubscriptionPolicy));
        output.WriteLine("members: " + members);
        output.WriteLine("created: " + Words.Time(list.CreatedUtc));
        output.WriteLine("moderators-are-admins: " + (list.ModeratorsAreAdmins ? "on" : "off"));
        output.WriteLine("archive: " + Words.Of(list.Archive));
        output.WriteLine("archive-retention-years: " + (list.ArchiveRetentionYears == 0 ? "forever" : list.ArchiveRetentionYears.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        output.WriteLine("dmarc-mitigation: " + Words.Kebab(list.DmarcMitigation));
        ListsPostingOptions.Print(list.Posting, output);
        ListsContentOptions.Print(list, output);
    }
}
