using System.Text;
using MimeKit;

namespace Integreat.Lists.Core.Tests.Bounces;

/// <summary>Builds the hand-written report fixtures of the recogniser tests.</summary>
internal static class Reports
{
    /// <summary>Parses <paramref name="text"/> (LF line ends, made CRLF) as a message.</summary>
    public static MimeMessage Parse(string text)
        => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))));

    /// <summary>A multipart/report DSN from Postfix at mx.example.net to the list's bounces address.</summary>
    /// <param name="groups">The per-recipient groups, each a block of field lines.</param>
    /// <param name="extraHeaders">Header lines added to the report's header.</param>
    public static MimeMessage Dsn(string groups, string extraHeaders = "") => Parse($"""
        Return-Path: <>
        From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
        To: bayern-bounces@lists.example.org
        Subject: Undelivered Mail Returned to Sender
        {extraHeaders}MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B"

        --B
        Content-Type: text/plain

        The mail system reports a problem.

        --B
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        {groups}

        --B
        Content-Type: message/rfc822

        From: erika@example.org
        To: bayern@lists.example.org
        Subject: Treffen

        Hallo
        --B--
        """);

    /// <summary>A single-part text message from <paramref name="from"/> with <paramref name="subject"/>; its Return-Path
    /// is the null sender when <paramref name="from"/> is a mail system, else the From address.</summary>
    public static MimeMessage Text(string body, string from = "MAILER-DAEMON@mx.example.net", string subject = "failure notice",
        string extraHeaders = "") => Parse($"""
        Return-Path: <{ReturnPath(from)}>
        From: {from}
        To: bayern-bounces@lists.example.org
        Subject: {subject}
        {extraHeaders}MIME-Version: 1.0
        Content-Type: text/plain; charset=us-ascii

        {body}
        """);

    static string ReturnPath(string from)
    {
        var address = MailboxAddress.Parse(from).Address;
        var local = address[..address.IndexOf('@')].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" ? "" : address;
    }
}
