namespace Platform.MachineLearning.Datasets;

/// <summary>Fractions of rows for training, validation and test; each in [0, 1], training above 0, summing to 1.</summary>
public sealed record SplitFractions
{
    public SplitFractions(double train, double validation, double test)
    {
        if (!(train > 0 && train <= 1) || !(validation >= 0 && validation < 1) || !(test >= 0 && test < 1))
        {
            throw new ArgumentException(
                $"Split fractions must be in [0, 1] with a training fraction above 0; got {train}, {validation}, {test}.");
        }

        if (Math.Abs(train + validation + test - 1) > 1e-9)
        {
            throw new ArgumentException($"Split fractions must add up to 1; {train} + {validation} + {test} = {train + validation + test}.");
        }

        Train = train;
        Validation = validation;
        Test = test;
    }

    public double Train { get; }

    public double Validation { get; }

    public double Test { get; }
}
