// Each surface is its own entry with its own HTML: the task pane, the ribbon's function file, the
// sign-in dialog, the checker's web worker, and the harness (its page and the Office.js shim).
// `--mode production` with HUB_INTAKE_URL set rewrites the manifest's dev URLs (https://localhost:3000/)
// to where the add-in is hosted.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { appPackage, productionXml, unifiedManifest } = require('./manifest.facts.cjs');
const { readFileSync } = require('node:fs');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';

function config(env, argv, httpsOptions) {
  const production = argv.mode !== 'development';
  const publicUrl = process.env.HUB_INTAKE_URL ? process.env.HUB_INTAKE_URL.replace(/\/?$/, '/') : DEV_URL;
  const unified = () =>
    production && process.env.HUB_INTAKE_URL ? unifiedManifest('production', publicUrl) : unifiedManifest('development');
  const page = (chunk, template, filename) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks: [chunk],
      scriptLoading: 'defer',
      inject: 'head',
      minify: production && { collapseWhitespace: true, removeComments: true },
    });
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The worker loads its own lazy chunks (PDF's reader) with importScripts, not script tags.
      'checker.worker': { import: './src/taskpane/worker/checker.worker.ts', chunkLoading: 'import-scripts' },
      commands: './src/commands/commands.ts',
      'auth-dialog': './src/auth-dialog/index.ts',
      harness: './src/harness/page.tsx',
      'office-shim': './src/harness/office-shim.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      globalObject: 'self',
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js', '.mjs', '.json'] },
    module: {
      rules: [
        { test: /\.[jt]sx?$/, exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' } },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    performance: { hints: false },
    plugins: [
      page('taskpane', './src/taskpane/taskpane.html', 'taskpane.html'),
      page('commands', './src/commands/commands.html', 'commands.html'),
      page('auth-dialog', './src/auth-dialog/auth-dialog.html', 'auth-dialog.html'),
      page('harness', './src/harness/harness.html', 'harness.html'),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // Static pages and files: the support and privacy pages the manifests link to, the pane's
          // early start (a file, since the pages' Content-Security-Policy forbids inline script),
          // and the hosting configuration with the security headers (Azure Static Web Apps).
          { from: 'src/pages/*.html', to: '[name][ext]' },
          { from: 'src/taskpane/early.js', to: 'early.js' },
          { from: 'staticwebapp.config.json', to: 'staticwebapp.config.json' },
          // The pane's settings (tenant, client id, site, list), when the hosting folder has them.
          { from: 'hub-intake.pane.json', to: 'hub-intake.pane.json', noErrorOnMissing: true },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production && process.env.HUB_INTAKE_URL ? productionXml(content.toString(), publicUrl) : content),
          },
          // The unified manifest for Microsoft 365 (the admin centre's Integrated apps), from the same facts.
          {
            from: 'manifest.xml',
            to: 'manifest.json',
            transform: () => JSON.stringify(unified(), null, 2),
          },
          // …and as the app package the admin centre uploads (manifest.json with its two icons).
          {
            from: 'manifest.xml',
            to: 'hub-intake-app.zip',
            transform: () => appPackage(unified(), (name) => readFileSync(path.join(__dirname, 'assets', name))),
          },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Office's localhost development certificates (office-addin-dev-certs), trusted once per machine.
      server: { type: 'https', options: httpsOptions },
    },
  };
}

// `webpack serve` (npm run dev-server, which npm start runs) gets the development certificates;
// a build needs none.
module.exports = (env = {}, argv = {}) =>
  env.WEBPACK_SERVE
    ? require('office-addin-dev-certs')
        .getHttpsServerOptions()
        .then((options) => config(env, argv, options))
    : config(env, argv, undefined);
