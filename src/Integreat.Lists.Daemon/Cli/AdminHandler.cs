namespace Integreat.Lists.Daemon.Cli;

/// <summary>The body of an administrative command: uses the ports from <paramref name="services"/>, writes its
/// result to <paramref name="output"/> and problems to <paramref name="error"/>, and returns the exit code.</summary>
/// <remarks>The same handler runs in the CLI process (store opened directly) or inside the daemon (forwarded
/// over the control socket); it throws <see cref="Core.Administration.AdministrationException"/> for bad input.</remarks>
internal delegate int AdminHandler(IServiceProvider services, TextWriter output, TextWriter error);
