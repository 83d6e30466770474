"""A PyTorch training program for Platform's script runner (see README.md beside it).

Trains a small multilayer perceptron on the dataset the job names, on CUDA when the worker has a GPU, else on the
CPU; reports per-epoch metrics and progress on stdout in the runner's format; exports ONNX to the output folder with
the inputs, outputs and metadata that Platform's Evaluate job reads.

Hyper-parameters (all optional except label): label, task (binary|multiclass|regression, default: binary when the
label has two values), epochs (50), lr (0.01), hidden (32), batch (64).
"""
import csv
import json
import math
import os
import sys

import torch
from torch import nn


def read_csv(path, label):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if label not in header:
        sys.exit(f"label column '{label}' is not in {path}: {', '.join(header)}")
    li = header.index(label)
    features = [name for i, name in enumerate(header) if i != li]
    x = [[float(v) if v != "" else math.nan for i, v in enumerate(r) if i != li] for r in body]
    y = [r[li] for r in body]
    return features, x, y


def main():
    hp = json.loads(os.environ.get("PLATFORM_HYPERPARAMETERS", "{}"))
    label = hp.get("label") or sys.exit("hyper-parameter 'label' (the label column) is required")
    data = os.environ.get("PLATFORM_DATASET_DIR") or sys.exit("the job names no dataset")
    out = os.environ["PLATFORM_OUTPUT_DIR"]
    torch.manual_seed(int(os.environ.get("PLATFORM_SEED", "42")))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    print(f"device: {device}" + (f" ({torch.cuda.get_device_name(0)})" if device.type == "cuda" else ""))

    features, x_train, y_train = read_csv(os.path.join(data, "train.csv"), label)
    _, x_val, y_val = read_csv(os.path.join(data, "validation.csv"), label)
    classes = sorted(set(y_train))
    task = hp.get("task") or ("binary" if len(classes) == 2 else "multiclass")
    if task == "regression":
        sys.exit("this example trains classifiers; use a built-in trainer for regression")

    # Standardise with the training split's mean and std; missing values become the mean. Both go into the graph.
    xt = torch.tensor(x_train, dtype=torch.float32)
    mean = torch.nanmean(xt, dim=0)
    std = torch.sqrt(torch.nanmean((xt - mean) ** 2, dim=0)).clamp_min(1e-6)
    index = {c: i for i, c in enumerate(classes)}

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("mean", mean)
            self.register_buffer("std", std)
            hidden = int(hp.get("hidden", 32))
            self.net = nn.Sequential(nn.Linear(len(features), hidden), nn.ReLU(), nn.Linear(hidden, len(classes)))

        def forward(self, features):
            z = torch.where(torch.isnan(features), self.mean, features)
            return self.net((z - self.mean) / self.std)

    class Exported(nn.Module):
        """What Platform's evaluator reads: input 'features' [N, F]; outputs 'label' (int64) and 'probabilities'."""

        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, features):
            p = torch.softmax(self.model(features), dim=1)
            return torch.argmax(p, dim=1), p

    model = Model().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=float(hp.get("lr", 0.01)))
    loss_fn = nn.CrossEntropyLoss()
    X = xt.to(device)
    Y = torch.tensor([index[v] for v in y_train], device=device)
    Xv = torch.tensor(x_val, dtype=torch.float32, device=device)
    Yv = torch.tensor([index.get(v, -1) for v in y_val], device=device)
    epochs, batch = int(hp.get("epochs", 50)), int(hp.get("batch", 64))
    for epoch in range(1, epochs + 1):
        model.train()
        for i in torch.randperm(len(X), device=device).split(batch):
            opt.zero_grad()
            loss = loss_fn(model(X[i]), Y[i])
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            train_loss = loss_fn(model(X), Y).item()
            logits = model(Xv)
            val_loss = loss_fn(logits, Yv).item()
            val_acc = (logits.argmax(1) == Yv).float().mean().item()
        print(f"::metric name=train.logLoss step={epoch} value={train_loss:.6f}")
        print(f"::metric name=validation.logLoss step={epoch} value={val_loss:.6f}")
        print(f"::metric name=validation.accuracy step={epoch} value={val_acc:.6f}")
        print(f"::progress {100 * epoch // epochs} epoch {epoch} of {epochs}")

    path = os.path.join(out, "model.onnx")
    exported = Exported(model.cpu()).eval()
    torch.onnx.export(exported, torch.zeros(1, len(features)), path, input_names=["features"],
                      output_names=["label", "probabilities"], dynamic_axes={"features": {0: "n"}, "label": {0: "n"}, "probabilities": {0: "n"}},
                      opset_version=13)
    add_metadata(path, {
        "task": "BinaryClassification" if task == "binary" else "MulticlassClassification",
        "trainer": "pytorch",
        "feature_names": json.dumps(features),
        "classes": json.dumps(classes),
        "label_column": label,
        "hyperparameters": json.dumps({k: str(v) for k, v in hp.items()}),
        "seed": os.environ.get("PLATFORM_SEED", "42"),
    })
    print(f"exported {path}")


def add_metadata(path, properties):
    """Platform's evaluator reads the model's task, features and classes from its ONNX metadata."""
    import onnx
    m = onnx.load(path)
    m.producer_name = "Platform"
    for key, value in properties.items():
        entry = m.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.save(m, path)


if __name__ == "__main__":
    main()
