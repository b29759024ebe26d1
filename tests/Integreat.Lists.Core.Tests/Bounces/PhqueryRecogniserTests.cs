using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class PhqueryRecogniserTests
{
    readonly PhqueryRecogniser _recogniser = new();

    static string Body(string hints) => $"""
         --------Message not delivered to the following:

         erika    No matches to nameserver query

         --------Error Detail (phquery V4.1):

         Query the directory with ``ph -s ph.uni-beispiel.de NAME'' or ``finger NAME@ph.uni-beispiel.de''.
         {hints}

         --------Unsent Message below:

        Message removed
        """;

    [Fact]
    public void A_bare_name_is_qualified_with_every_NAME_at_domain_form_the_notice_spells_but_not_the_directory_server()
    {
        var report = _recogniser.TryRecognise(Reports.Text(Body("Try NAME@uni-beispiel.de or NAME@informatik.uni-beispiel.de."),
            from: "MAILER-DAEMON@mx.uni-beispiel.de"));

        Assert.Equal(["erika@informatik.uni-beispiel.de", "erika@uni-beispiel.de"], report?.Recipients.Order());
        Assert.Equal((BounceKind.Permanent, "phquery"), (report!.Kind, report.Recogniser));
    }

    [Fact]
    public void Without_a_NAME_form_the_reporting_host_s_domain_qualifies_the_name()
    {
        var report = _recogniser.TryRecognise(Reports.Text(Body(""), from: "MAILER-DAEMON@mx.uni-beispiel.de"));

        Assert.Equal(["erika@mx.uni-beispiel.de"], report?.Recipients);
    }

    [Fact]
    public void A_notice_without_the_error_detail_block_is_left_to_other_recognisers()
    {
        var body = Body("").Replace("--------Error Detail (phquery V4.1):", "--------Details:");

        Assert.Null(_recogniser.TryRecognise(Reports.Text(body)));
    }
}
