using Integreat.Lists.Core.Bounces;

namespace Integreat.Lists.Core.Tests.Bounces;

public sealed class ReturnedSummaryRecogniserTests
{
    readonly ReturnedSummaryRecogniser _recogniser = new();

    static string Notice(string summaryFrom) => $"""
        Return-Path: <>
        From: MMS Gateway <sysadmin@mms.example.net>
        To: bayern-bounces@lists.example.org
        Subject: Undeliverable Message
        Content-Type: text/plain

        Message could not be delivered to mobile.

        Original Message:
        From: {summaryFrom}
        To: 0170123@mms.example.net
        Subject: Treffen
        """;

    [Fact]
    public void The_summary_of_the_addressee_s_own_message_names_the_failed_recipient()
    {
        var report = _recogniser.TryRecognise(Reports.Parse(Notice("Bayern <bayern-bounces@lists.example.org>")));

        Assert.Equal(["0170123@mms.example.net"], report?.Recipients);
        Assert.Equal((BounceKind.Permanent, "returned-summary"), (report!.Kind, report.Recogniser));
    }

    [Fact]
    public void A_summary_of_someone_else_s_message_is_left_alone()
    {
        Assert.Null(_recogniser.TryRecognise(Reports.Parse(Notice("erika@example.org"))));
    }

    [Fact]
    public void Mail_with_a_return_path_is_left_alone()
    {
        var withSender = Notice("bayern-bounces@lists.example.org").Replace("Return-Path: <>", "Return-Path: <sysadmin@mms.example.net>");

        Assert.Null(_recogniser.TryRecognise(Reports.Parse(withSender)));
    }
}
