using SupportBot.Bench;

// Benchmark programs: each prints one JSON line per measurement on standard output.
//   dotnet run -c Release --project bench -- turns [--conversations N]
return args.FirstOrDefault() switch
{
    "turns" => await TurnsBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench turns [--conversations N]");
    return 2;
}
