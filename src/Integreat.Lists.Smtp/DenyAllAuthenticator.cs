using SmtpServer;
using SmtpServer.Authentication;

namespace Integreat.Lists.Smtp;

/// <summary>Refuses every AUTH attempt.</summary>
/// <remarks>The list MX takes no submissions. Without an authenticator SmtpServer 11 accepts any credentials
/// (LIBRARIES.md §1.4), so this one must always be registered.</remarks>
public sealed class DenyAllAuthenticator : IUserAuthenticator
{
    /// <inheritdoc/>
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
        => Task.FromResult(false);
}
