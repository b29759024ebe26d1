using SmtpServer;
using SmtpServer.Authentication;

namespace Integreat.Lists.Testing;

/// <summary>Accepts exactly one user and password at a <see cref="FakeSmarthost"/> and counts the attempts.</summary>
public sealed class FakeSmarthostAuthenticator(string user, string password) : IUserAuthenticator
{
    int _succeeded;
    int _failed;

    /// <summary>Successful AUTH commands so far.</summary>
    public int Succeeded => Volatile.Read(ref _succeeded);

    /// <summary>Refused AUTH commands so far.</summary>
    public int Failed => Volatile.Read(ref _failed);

    /// <inheritdoc/>
    public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken)
    {
        var ok = user1 == user && password1 == password;
        Interlocked.Increment(ref ok ? ref _succeeded : ref _failed);
        return Task.FromResult(ok);
    }
}
