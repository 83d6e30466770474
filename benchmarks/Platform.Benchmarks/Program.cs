using Platform.Benchmarks;

var name = args.FirstOrDefault();
var benchmarks = new Dictionary<string, Func<Task<object>>>
{
    ["ingestion"] = IngestionBenchmark.RunAsync,
    ["search"] = SearchBenchmark.RunAsync,
    ["dispatch"] = DispatchBenchmark.RunAsync,
    ["evaluation"] = EvaluationBenchmark.RunAsync,
    ["cancellation"] = CancellationBenchmark.RunAsync,
    ["broker-restart"] = BrokerRestartBenchmark.RunAsync,
    ["training"] = TrainingBenchmark.RunAsync,
    ["audit"] = AuditBenchmark.RunAsync,
    ["serving"] = ServingBenchmark.RunAsync,
    ["desired-state"] = DesiredStateBenchmark.RunAsync,
    ["upload"] = UploadBenchmark.RunAsync,
    ["portal"] = PortalBenchmark.RunAsync,
    ["fleet"] = FleetBenchmark.RunAsync,
    ["federated"] = FederatedBenchmark.RunAsync,
};

if (name is null || !benchmarks.TryGetValue(name, out var run))
{
    Console.Error.WriteLine($"usage: benchmarks/run <{string.Join('|', benchmarks.Keys)}>");
    return 2;
}

var figures = await run();
Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(figures));
return 0;
