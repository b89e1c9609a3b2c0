#!/usr/bin/env python3
"""The PyTorch side of the performance benchmark: LatentBridge's CDLM, DANN and source-only
(LeNet-style) models written layer by layer as in latentbridge-core (nn.Networks, Backbone,
method.cdlm.CdlmModel, method.dann.Dann), trained on random batches of the same shape (the
images' values do not change the arithmetic), timed per window of steps after a warm-up.
    python3 bench/torch_bench.py MODEL WARMUP STEPS WINDOWS THREADS
Prints one JSON line like bench/StepBench.java."""
import json
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def encoder(hidden=512):
    # conv5x5(32)-ReLU-maxpool2-conv5x5(64)-ReLU-maxpool2-FC(hidden)-ReLU, no padding, no BatchNorm
    return nn.Sequential(nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(64 * 4 * 4, hidden), nn.ReLU())


class Up(nn.Module):
    def forward(self, x):
        return x.repeat_interleave(2, dim=2).repeat_interleave(2, dim=3)


def decoder(latent=64):
    return nn.Sequential(nn.Linear(latent, 64 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (64, 7, 7)),
                         Up(), nn.Conv2d(64, 32, 3, padding=1), nn.ReLU(),
                         Up(), nn.Conv2d(32, 1, 3, padding=1))


def grl(x, lam):
    # the same identity LatentBridge uses: value x, gradient -lam
    return x * -lam + (x * (1 + lam)).detach()


def dann_lambda(p, gamma=10.0):
    return 2.0 / (1.0 + torch.exp(torch.tensor(-gamma * p)).item()) - 1.0


class SourceOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc, self.bottleneck, self.cls = encoder(), nn.Linear(512, 64), nn.Linear(64, 10)

    def loss(self, xs, ys, xt, p):
        return F.cross_entropy(self.cls(self.bottleneck(self.enc(xs))), ys)


class Dann(SourceOnly):
    def __init__(self, lambda_adv=0.03):
        super().__init__()
        self.dom = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 1))
        self.lambda_adv = lambda_adv

    def loss(self, xs, ys, xt, p):
        b = xs.shape[0]
        f = self.bottleneck(self.enc(torch.cat([xs, xt])))
        cls = F.cross_entropy(self.cls(f[:b]), ys)
        d = torch.cat([torch.zeros(b), torch.ones(xt.shape[0])]).unsqueeze(1)
        adv = F.binary_cross_entropy_with_logits(self.dom(grl(f, dann_lambda(p))), d)
        return cls + self.lambda_adv * adv


class Cdlm(nn.Module):
    def __init__(self, lambda_adv=0.1):
        super().__init__()
        self.enc = encoder()
        self.mu, self.logvar, self.mod = nn.Linear(512, 64), nn.Linear(512, 64), nn.Linear(512, 64)
        self.dec_s, self.dec_t = decoder(), decoder()
        self.cls = nn.Linear(512, 10)
        self.dom = nn.Sequential(nn.Linear(512, 256), nn.ReLU(), nn.Linear(256, 1))
        self.lambda_adv = lambda_adv

    def loss(self, xs, ys, xt, p):
        b = xs.shape[0]
        h = self.enc(torch.cat([xs, xt]))
        mu, logvar = self.mu(h), self.logvar(h).clamp(-6, 6)
        sigma = (0.5 * logvar).exp()
        raw = self.mod(h)
        c = raw - raw.mean(0, keepdim=True)
        m = c / (c.pow(2).mean(0, keepdim=True) + 1e-5).sqrt()
        eps = torch.randn_like(mu)
        mu_s, mu_t, s_s, s_t, m_s, m_t = mu[:b], mu[b:], sigma[:b], sigma[b:], m[:b], m[b:]
        e_s, e_t = eps[:b], eps[b:]
        z_s, z_t = mu_s + s_s * e_s, mu_t + s_t * e_t
        z_st, z_ts = mu_s + s_s * (m_t + e_s), mu_t + s_t * (m_s + e_t)
        out_s = self.dec_s(torch.cat([z_st, z_s]))
        out_t = self.dec_t(torch.cat([z_ts, z_t]))
        rec = (F.binary_cross_entropy_with_logits(out_s[:b], xs)
               + F.binary_cross_entropy_with_logits(out_t[:b], xt))
        kl = (0.5 * (mu.pow(2) + logvar.exp() - logvar - 1)).sum(1).mean() / 784 * 2
        cons = (F.mse_loss(torch.sigmoid(out_s[:b]), torch.sigmoid(out_s[b:]))
                + F.mse_loss(torch.sigmoid(out_t[:b]), torch.sigmoid(out_t[b:])))
        cls = F.cross_entropy(self.cls(h[:b]), ys)
        d = torch.cat([torch.zeros(b), torch.ones(xt.shape[0])]).unsqueeze(1)
        adv = F.binary_cross_entropy_with_logits(self.dom(grl(h, dann_lambda(p))), d)
        return rec + kl + cons + cls + self.lambda_adv * adv


def main():
    name, warmup, steps, windows, threads = sys.argv[1], *map(int, sys.argv[2:6])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    model = {"cdlm": Cdlm, "dann": Dann, "source-only": SourceOnly}[name]()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch = 64
    total = warmup + steps * windows
    xs, xt = torch.rand(batch, 1, 28, 28), torch.rand(batch, 1, 28, 28)
    ys = torch.randint(0, 10, (batch,))
    at = [0.0] * (total + 1)
    for step in range(1, total + 1):
        loss = model.loss(xs, ys, xt, step / total)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        loss.item()  # LatentBridge reads every loss term back each step, too
        at[step] = time.perf_counter()
    per_step = batch * (1 if name == "source-only" else 2)
    ips = [round(steps * per_step / (at[warmup + (w + 1) * steps] - at[warmup + w * steps]), 1)
           for w in range(windows)]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"impl": f"pytorch {torch.__version__}", "model": name, "batch": batch,
                      "images_per_step": per_step, "ips": ips, "rss_mb": round(rss)}))


if __name__ == "__main__":
    main()
