using SmtpServer;
using SmtpServer.Protocol;

namespace Integreat.Lists.Smtp;

/// <summary>SmtpServer's command factory with our EHLO reply.</summary>
public sealed class ListCommandFactory : SmtpCommandFactory
{
    /// <inheritdoc/>
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new ListEhloCommand(domainOrAddress);

    /// <summary>EHLO without SMTPUTF8 (SmtpServer 11 decodes UTF-8 domains as ASCII, LIBRARIES.md §1.3) and
    /// without AUTH (nothing may authenticate on the MX port), with ENHANCEDSTATUSCODES (RFC 2034), since
    /// every reply we give carries one.</summary>
    sealed class ListEhloCommand(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override string GetGreeting(ISessionContext context) => context.ServerOptions.ServerName + " Hello";

        protected override IEnumerable<string> GetExtensions(ISessionContext context) => base.GetExtensions(context)
            .Where(x => x != "SMTPUTF8" && !x.StartsWith("AUTH", StringComparison.Ordinal))
            .Select(x => x.StartsWith("SIZE ", StringComparison.Ordinal)
                ? "SIZE " + (context.ServerOptions.MaxMessageSizeOptions.Length - SmtpServerFactory.SizeSlackBytes)
                : x)
            .Append("ENHANCEDSTATUSCODES");
    }
}
