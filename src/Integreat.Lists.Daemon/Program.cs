using Integreat.Lists.Daemon.Hosting;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var configIndex = Array.IndexOf(args, "--config");
var config = configIndex >= 0 && configIndex + 1 < args.Length ? args[configIndex + 1] : null;
if (args.Length > 0 && args[0] == "healthcheck") return await HealthcheckCommand.RunAsync(config, Console.Out, Console.Error);
return await ServeCommand.RunAsync(config, Console.Error, stop.Token);
