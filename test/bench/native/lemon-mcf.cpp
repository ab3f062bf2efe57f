// The native anchor of npm run bench: LEMON's NetworkSimplex (block search, its default) on a
// DIMACS min-cost flow file. Usage: lemon-mcf FILE. Prints one JSON line: the solve time
// and CPU time (run() only, not reading the file), the objective, the pivots' outcome and the peak RSS.
// Compiled by test/bench/native.ts when g++ and LEMON's headers (liblemon-dev) are present.
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>
#include <sys/resource.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>

using namespace lemon;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: lemon-mcf FILE.dimacs\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "cannot open " << argv[1] << "\n";
    return 2;
  }
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), capacity(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  auto readStart = std::chrono::steady_clock::now();
  readDimacsMin(in, g, lower, capacity, cost, supply);
  auto readEnd = std::chrono::steady_clock::now();

  std::clock_t cpuStart = std::clock();
  auto start = std::chrono::steady_clock::now();
  NetworkSimplex<SmartDigraph, long long, long long> simplex(g);
  simplex.lowerMap(lower).upperMap(capacity).costMap(cost).supplyMap(supply);
  auto status = simplex.run();
  auto end = std::chrono::steady_clock::now();
  double cpuMs = 1000.0 * (std::clock() - cpuStart) / CLOCKS_PER_SEC;

  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  double solveMs = std::chrono::duration<double, std::milli>(end - start).count();
  double readMs = std::chrono::duration<double, std::milli>(readEnd - readStart).count();
  const char* name = status == decltype(simplex)::OPTIMAL      ? "optimal"
                     : status == decltype(simplex)::INFEASIBLE ? "infeasible"
                                                                : "unbounded";
  std::cout << "{\"status\":\"" << name << "\",\"objective\":"
            << (status == decltype(simplex)::OPTIMAL ? simplex.totalCost() : 0)
            << ",\"nodes\":" << countNodes(g) << ",\"arcs\":" << countArcs(g)
            << ",\"readMs\":" << readMs << ",\"solveMs\":" << solveMs << ",\"cpuMs\":" << cpuMs
            << ",\"peakRssMb\":" << usage.ru_maxrss / 1024 << "}" << std::endl;
  return 0;
}
