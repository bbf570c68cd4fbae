using Wix.Auth.Compare;

// The .NET side of bench/compare.sh; each mode prints one JSON line per figure.
//   emulator                                   start a shared emulator, print its base URL, run until stdin closes
//   micro [--seconds S]                        generateOAuthData and parseFromUrl, single thread, ops/s
//   flows --base-url URL [--flows N] [--concurrency C] [--warmup W] [--floor]
//                                              whole logins, flows/s and CPU ms per flow, after warm-up rounds of W
//                                              flows until two agree; --floor: the same requests with no client (FloorLogin)
var mode = args.FirstOrDefault() ?? "";
var options = Options.Parse(args.Skip(1));
return mode switch
{
    "emulator" => await EmulatorHost.RunAsync(),
    "micro" => Micro.Run(options.Double("seconds", 1.0)),
    "flows" => await Flows.RunAsync(new Uri(options.Text("base-url")), options.Int("flows", 200), options.Int("concurrency", 8), options.Int("warmup", 40), options.Flag("floor")),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Wix.Auth.Compare emulator | micro [--seconds S] | flows --base-url URL [--flows N] [--concurrency C] [--warmup W] [--floor]");
    return 2;
}
