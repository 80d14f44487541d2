/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Uploads stream through route handlers; nothing here buffers request bodies.
};

export default nextConfig;
