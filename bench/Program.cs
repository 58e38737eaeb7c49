using SupportBot.Bench;

// Benchmark programs: each prints one JSON line per measurement on standard output.
//   dotnet run -c Release --project bench -- turns [--storage all|memory|sqlite] [--conversations N] [--workers N] [--synchronous normal|full]
//   dotnet run -c Release --project bench -- sentiment [--seconds N]
//   dotnet run -c Release --project bench -- botservice [--connections N] [--seconds S] [--warmup-seconds S] [--url http://127.0.0.1:5000]
//   dotnet run -c Release --project bench -- webchat [--conversations N] [--url http://127.0.0.1:5000] [--think-ms MS (default 1000)]
return args.FirstOrDefault() switch
{
    "turns" => await TurnsBenchmark.RunAsync(args[1..]),
    "sentiment" => SentimentBenchmark.Run(args[1..]),
    "webchat" => await WebChatBenchmark.RunAsync(args[1..]),
    "botservice" => await BotServiceBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: bench turns [--storage all|memory|sqlite] [--conversations N] [--workers N] [--synchronous normal|full]");
    Console.Error.WriteLine("       bench sentiment [--seconds N]");
    Console.Error.WriteLine("       " + WebChatBenchmarkOptions.Usage);
    Console.Error.WriteLine("       " + BotServiceBenchmark.Usage);
    return 2;
}
